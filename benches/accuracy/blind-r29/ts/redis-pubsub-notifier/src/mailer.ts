import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

const FROM = process.env.MAIL_FROM ?? 'Shop <orders@shop.example>';
const CONFIG_SET = process.env.SES_CONFIGURATION_SET;

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  tags: Record<string, string>;
}

export async function sendEmail(mail: OutgoingEmail): Promise<string> {
  const ses = new SESv2Client({
    region: process.env.SES_REGION ?? 'eu-west-1',
    maxAttempts: 3,
  });
  const out = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: FROM,
      Destination: { ToAddresses: [mail.to] },
      ConfigurationSetName: CONFIG_SET,
      EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })),
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Html: { Data: mail.html, Charset: 'UTF-8' },
            Text: { Data: mail.text, Charset: 'UTF-8' },
          },
        },
      },
    }),
  );
  return out.MessageId ?? 'unknown';
}
