import json

import boto3

sqs = boto3.client("sqs")
table = boto3.resource("dynamodb").Table("orders")


def handler(event, context):
    config = json.loads(event.get("config", "{}"))
    for record in event["Records"]:
        order = json.loads(record["body"])
        table.put_item(Item=order)
        # hand the receipt to the next queue (SQS)
        sqs.send_message(QueueUrl=config.get("next_queue"), MessageBody=record["body"])
