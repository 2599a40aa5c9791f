import boto3


class SmsChannel:
    """Transactional SMS through Amazon SNS; ``to`` is an E.164 number."""

    def __init__(self, settings):
        self.sender_id = settings["sms_sender_id"]
        self.sns = boto3.client("sns", region_name=settings["aws_region"])

    def send(self, to, body):
        self.sns.publish(
            PhoneNumber=to,
            Message=body[:1400],
            MessageAttributes={
                "AWS.SNS.SMS.SenderID": {"DataType": "String", "StringValue": self.sender_id},
                "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"},
            },
        )
