use async_trait::async_trait;
use cqrs_es::{Aggregate, DomainEvent};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InvoiceCommand {
    Issue { customer_id: String, amount_cents: i64, currency: String },
    RecordPayment { payment_ref: String, amount_cents: i64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum InvoiceEvent {
    Issued { customer_id: String, amount_cents: i64, currency: String },
    PaymentRecorded { payment_ref: String, amount_cents: i64, outstanding_cents: i64 },
    Settled { customer_id: String },
}

impl DomainEvent for InvoiceEvent {
    fn event_type(&self) -> String {
        match self {
            InvoiceEvent::Issued { .. } => "InvoiceIssued".into(),
            InvoiceEvent::PaymentRecorded { .. } => "PaymentRecorded".into(),
            InvoiceEvent::Settled { .. } => "InvoiceSettled".into(),
        }
    }

    fn event_version(&self) -> String {
        "1.0".to_string()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InvoiceError {
    #[error("invoice already issued")]
    AlreadyIssued,
    #[error("invoice is not open or payment exceeds the outstanding amount")]
    Rejected,
}

pub struct InvoiceServices;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Invoice {
    issued: bool,
    customer_id: String,
    outstanding_cents: i64,
}

#[async_trait]
impl Aggregate for Invoice {
    type Command = InvoiceCommand;
    type Event = InvoiceEvent;
    type Error = InvoiceError;
    type Services = InvoiceServices;

    fn aggregate_type() -> String {
        "Invoice".to_string()
    }

    async fn handle(&self, command: Self::Command, _: &Self::Services) -> Result<Vec<Self::Event>, Self::Error> {
        match command {
            InvoiceCommand::Issue { .. } if self.issued => Err(InvoiceError::AlreadyIssued),
            InvoiceCommand::Issue { customer_id, amount_cents, currency } => {
                Ok(vec![InvoiceEvent::Issued { customer_id, amount_cents, currency }])
            }
            InvoiceCommand::RecordPayment { payment_ref, amount_cents } => {
                if !self.issued || amount_cents > self.outstanding_cents {
                    return Err(InvoiceError::Rejected);
                }
                let outstanding_cents = self.outstanding_cents - amount_cents;
                let mut events = vec![InvoiceEvent::PaymentRecorded { payment_ref, amount_cents, outstanding_cents }];
                if outstanding_cents == 0 {
                    events.push(InvoiceEvent::Settled { customer_id: self.customer_id.clone() });
                }
                Ok(events)
            }
        }
    }

    fn apply(&mut self, event: Self::Event) {
        match event {
            InvoiceEvent::Issued { customer_id, amount_cents, .. } => {
                self.issued = true;
                self.customer_id = customer_id;
                self.outstanding_cents = amount_cents;
            }
            InvoiceEvent::PaymentRecorded { outstanding_cents, .. } => self.outstanding_cents = outstanding_cents,
            InvoiceEvent::Settled { .. } => {}
        }
    }
}
