// Realistic Terraform files for the differential and property tests (written for these tests).
export const NETWORK_TF = `terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
  backend "s3" {
    bucket = "tf-state-example"
    key    = "network/terraform.tfstate"
    region = "ap-northeast-1"
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.common_tags
  }
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

variable "region" {
  type        = string
  default     = "ap-northeast-1"
  description = "Region to deploy into"
}

variable "subnets" {
  type = map(object({
    cidr = string
    az   = string
  }))
  validation {
    condition     = length(var.subnets) > 0
    error_message = "At least one subnet is required."
  }
}

locals {
  common_tags = {
    Project     = "notes"
    Environment = terraform.workspace
  }
  private_ids = [for k, s in aws_subnet.private : s.id if k != "spare"]
  name        = "\${var.region}-\${terraform.workspace}"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags = merge(local.common_tags, {
    Name = "main"
  })
}

resource "aws_subnet" "private" {
  for_each          = var.subnets
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
  tags              = { Name = "private-\${each.key}" }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags]
  }
}

module "endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "5.5.0"
  vpc_id  = aws_vpc.main.id
  count   = var.region == "ap-northeast-1" ? 1 : 0
}

output "vpc_id" {
  value       = aws_vpc.main.id
  description = "The VPC"
}

output "subnet_ids" {
  value = values(aws_subnet.private)[*].id
}
`;

export const SERVERLESS_TF = `# A queue worker: SQS -> Lambda, with a nightly EventBridge rule.
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "worker" {
  statement {
    sid       = "Queue"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.jobs.arn]
  }
  statement {
    actions   = ["logs:*"]
    resources = ["arn:aws:logs:*:*:*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [var.region]
    }
  }
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "worker" {
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.worker.json
}

resource "aws_sqs_queue" "dlq" {
  name                      = "jobs-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 180
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "\${path.module}/build/worker.zip"
  memory_size   = 256
  timeout       = 60

  environment {
    variables = {
      QUEUE_URL = aws_sqs_queue.jobs.url
      STAGE     = var.stage != "" ? var.stage : "dev"
    }
  }

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}

resource "aws_lambda_event_source_mapping" "worker" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 10
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "cron(0 18 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.worker.arn
  input = <<-JSON
    {"source": "nightly", "queue": "\${aws_sqs_queue.jobs.name}"}
  JSON
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*" }]
}
EOF
}

locals {
  greeting = "Hello, %{ if var.name != "" }\${var.name}%{ else }stranger%{ endif }!"
  /* block comment { not a block } */
  ports = [ // trailing comment
    80,
    443,
  ]
}
`;
