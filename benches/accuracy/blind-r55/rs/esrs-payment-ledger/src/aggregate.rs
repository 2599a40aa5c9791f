use esrs::Aggregate;
use serde::{Deserialize, Serialize};

pub struct Payment;

#[derive(Default, Debug, Clone, PartialEq)]
pub enum Status {
    #[default]
    New,
    Authorized,
    Settled,
    Refunded,
}

#[derive(Default, Debug, Clone)]
pub struct PaymentState {
    pub status: Status,
    pub payee: String,
    pub amount_cents: i64,
    pub refunded_cents: i64,
}

#[derive(Deserialize, Debug)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PaymentCommand {
    Authorize { payee: String, amount_cents: i64 },
    Settle,
    Refund { amount_cents: i64 },
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum PaymentEvent {
    Authorized { payee: String, amount_cents: i64 },
    Settled { payee: String, amount_cents: i64 },
    Refunded { payee: String, amount_cents: i64 },
}

#[derive(thiserror::Error, Debug)]
pub enum PaymentError {
    #[error("payment is {0:?}, command not allowed")]
    InvalidTransition(Status),
    #[error("refund of {0} exceeds settled amount")]
    RefundTooLarge(i64),
}

impl Aggregate for Payment {
    const NAME: &'static str = "payment";
    type State = PaymentState;
    type Command = PaymentCommand;
    type Event = PaymentEvent;
    type Error = PaymentError;

    fn handle_command(state: &Self::State, command: Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        match (command, &state.status) {
            (PaymentCommand::Authorize { payee, amount_cents }, Status::New) => {
                Ok(vec![PaymentEvent::Authorized { payee, amount_cents }])
            }
            (PaymentCommand::Settle, Status::Authorized) => Ok(vec![PaymentEvent::Settled {
                payee: state.payee.clone(),
                amount_cents: state.amount_cents,
            }]),
            (PaymentCommand::Refund { amount_cents }, Status::Settled) => {
                if state.refunded_cents + amount_cents > state.amount_cents {
                    return Err(PaymentError::RefundTooLarge(amount_cents));
                }
                Ok(vec![PaymentEvent::Refunded { payee: state.payee.clone(), amount_cents }])
            }
            (_, status) => Err(PaymentError::InvalidTransition(status.clone())),
        }
    }

    fn apply_event(state: Self::State, payload: Self::Event) -> Self::State {
        match payload {
            PaymentEvent::Authorized { payee, amount_cents } => PaymentState {
                status: Status::Authorized,
                payee,
                amount_cents,
                ..state
            },
            PaymentEvent::Settled { .. } => PaymentState { status: Status::Settled, ..state },
            PaymentEvent::Refunded { amount_cents, .. } => PaymentState {
                status: Status::Refunded,
                refunded_cents: state.refunded_cents + amount_cents,
                ..state
            },
        }
    }
}
