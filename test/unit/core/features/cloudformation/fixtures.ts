// In-memory templates for the CloudFormation feature tests (YAML, JSON, SAM). Put `‸` where the cursor goes.

export const YAML_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
    Description: Deployment stage
Mappings:
  RegionMap:
    us-east-1:
      Ami: ami-123
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  JobQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub 'jobs-\${Stage}-\${AWS::Region}'
      VisibilityTimeout: 60
  ResultTable:
    Type: AWS::DynamoDB::Table
    Condition: IsProd
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
  Worker:
    Type: AWS::Lambda::Function
    DependsOn: [JobQueue, WorkerRole]
    Properties:
      Role: !GetAtt WorkerRole.Arn
      Runtime: python3.12
      Handler: index.handler
      PackageType: Zip
      MemorySize: !If [IsProd, 1024, 256]
      Code:
        ZipFile: |
          def handler(event, context):
              return "\${not.a.reference}"
      Environment:
        Variables:
          QUEUE_URL: !Ref JobQueue
          TABLE: !Ref ResultTable
          AMI: !FindInMap [RegionMap, !Ref 'AWS::Region', Ami]
          QUEUE_ARN: { "Fn::GetAtt": [JobQueue, Arn] }
  Acl:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: acl-1
      RuleNumber: 100
      Protocol: -1
      RuleAction: allow
      Egress: true
      CidrBlock: 0.0.0.0/0
Outputs:
  QueueArn:
    Condition: IsProd
    Value: !GetAtt JobQueue.Arn
`;

export const JSON_TEMPLATE = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Stage": { "Type": "String", "Default": "dev" }
  },
  "Resources": {
    "JobQueue": {
      "Type": "AWS::SQS::Queue",
      "Properties": {
        "QueueName": { "Fn::Sub": "jobs-\${Stage}" },
        "VisibilityTimeout": 60
      }
    },
    "Consumer": {
      "Type": "AWS::Lambda::EventSourceMapping",
      "Properties": {
        "EventSourceArn": { "Fn::GetAtt": ["JobQueue", "Arn"] },
        "FunctionName": { "Ref": "Stage" }
      }
    }
  },
  "Outputs": {
    "Url": { "Value": { "Ref": "JobQueue" } }
  }
}
`;

export const SAM_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Events:
        Get:
          Type: HttpApi
          Properties:
            ApiId: !Ref Api
            Path: /items
            Method: get
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
Outputs:
  Role:
    Value: !GetAtt HandlerRole.Arn
  Url:
    Value: !Sub 'https://\${ServerlessHttpApi}.execute-api.\${AWS::Region}.amazonaws.com'
`;

/** The template with the cursor marker inserted `delta` characters into the first occurrence of `needle`. */
export function cursorAt(template: string, needle: string, delta = 1, occurrence = 0): string {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = template.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not in the fixture`);
  }
  return template.slice(0, index + delta) + '‸' + template.slice(index + delta);
}
