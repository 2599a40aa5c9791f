use mongodb::bson::{doc, Document};
use mongodb::sync::Client;
use nu_plugin::{EngineInterface, EvaluatedCall, SimplePluginCommand};
use nu_protocol::{record, Category, LabeledError, Signature, SyntaxShape, Type, Value};

use crate::{history, CrmPlugin};

fn mongo_err(e: mongodb::error::Error) -> LabeledError {
    LabeledError::new(format!("mongodb: {e}"))
}

pub struct Customers;

impl SimplePluginCommand for Customers {
    type Plugin = CrmPlugin;

    fn name(&self) -> &str {
        "crm customers"
    }

    fn description(&self) -> &str {
        "List CRM customers, optionally filtered by segment"
    }

    fn signature(&self) -> Signature {
        Signature::build(self.name())
            .named("segment", SyntaxShape::String, "only this segment", Some('s'))
            .input_output_type(Type::Nothing, Type::table())
            .category(Category::Custom("crm".into()))
    }

    fn run(&self, plugin: &CrmPlugin, _engine: &EngineInterface, call: &EvaluatedCall, _input: &Value) -> Result<Value, LabeledError> {
        let segment: Option<String> = call.get_flag("segment")?;
        let filter = match &segment {
            Some(s) => doc! { "segment": s },
            None => doc! {},
        };
        let coll = plugin.mongo.database("crm").collection::<Document>("customers");
        let mut rows = Vec::new();
        for doc in coll.find(filter).limit(500).run().map_err(mongo_err)? {
            let doc = doc.map_err(mongo_err)?;
            rows.push(Value::record(
                record! {
                    "code" => Value::string(doc.get_str("code").unwrap_or_default(), call.head),
                    "name" => Value::string(doc.get_str("name").unwrap_or_default(), call.head),
                    "segment" => Value::string(doc.get_str("segment").unwrap_or_default(), call.head),
                },
                call.head,
            ));
        }
        history::log("customers", segment.as_deref().unwrap_or("*"));
        Ok(Value::list(rows, call.head))
    }
}

pub struct Tickets;

impl SimplePluginCommand for Tickets {
    type Plugin = CrmPlugin;

    fn name(&self) -> &str {
        "crm tickets"
    }

    fn description(&self) -> &str {
        "Open support tickets for a customer"
    }

    fn signature(&self) -> Signature {
        Signature::build(self.name())
            .required("customer", SyntaxShape::String, "customer code")
            .input_output_type(Type::Nothing, Type::table())
            .category(Category::Custom("crm".into()))
    }

    fn run(&self, _plugin: &CrmPlugin, _engine: &EngineInterface, call: &EvaluatedCall, _input: &Value) -> Result<Value, LabeledError> {
        let customer: String = call.req(0)?;
        let uri = std::env::var("SUPPORT_MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
        let support = Client::with_uri_str(&uri).map_err(mongo_err)?;
        let coll = support.database("support").collection::<Document>("tickets");
        let cursor = coll
            .find(doc! { "customer": &customer, "state": "open" })
            .run()
            .map_err(mongo_err)?;
        let mut rows = Vec::new();
        for doc in cursor {
            let doc = doc.map_err(mongo_err)?;
            rows.push(Value::record(
                record! {
                    "number" => Value::int(doc.get_i64("number").unwrap_or_default(), call.head),
                    "title" => Value::string(doc.get_str("title").unwrap_or_default(), call.head),
                },
                call.head,
            ));
        }
        history::log("tickets", &customer);
        Ok(Value::list(rows, call.head))
    }
}

pub struct Touch;

impl SimplePluginCommand for Touch {
    type Plugin = CrmPlugin;

    fn name(&self) -> &str {
        "crm touch"
    }

    fn description(&self) -> &str {
        "Record that you contacted a customer"
    }

    fn signature(&self) -> Signature {
        Signature::build(self.name())
            .required("customer", SyntaxShape::String, "customer code")
            .input_output_type(Type::Nothing, Type::Nothing)
            .category(Category::Custom("crm".into()))
    }

    fn run(&self, plugin: &CrmPlugin, _engine: &EngineInterface, call: &EvaluatedCall, _input: &Value) -> Result<Value, LabeledError> {
        let customer: String = call.req(0)?;
        plugin
            .mongo
            .database("crm")
            .collection::<Document>("customers")
            .update_one(doc! { "code": &customer }, doc! { "$currentDate": { "last_contact": true } })
            .run()
            .map_err(mongo_err)?;
        history::log("touch", &customer);
        Ok(Value::nothing(call.head))
    }
}
