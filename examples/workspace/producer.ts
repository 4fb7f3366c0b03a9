import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

const sqs = new SQSClient({});
const dynamo = new DynamoDBClient({});

// Put an order on the queue; a Lambda worker picks it up from SQS.
export async function enqueue(order: { id: string }): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order) }));
  void dynamo;
}
