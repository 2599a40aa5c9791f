// Drogon front-end for the quote service. Links against libfreight_quote_bridge.a.
#include <cstdlib>
#include <drogon/drogon.h>

#include "freight-quote-bridge/src/lib.rs.h"

using namespace drogon;

int main() {
    const char *db = std::getenv("DATABASE_URL");
    freight::init(db ? db : "postgres://quotes@localhost/quotes");

    app().registerHandler(
        "/quote",
        [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
            Json::Value body(Json::arrayValue);
            try {
                auto quotes = freight::quote(req->getParameter("tenant"), req->getParameter("from"),
                                             req->getParameter("to"),
                                             static_cast<uint32_t>(std::stoul(req->getParameter("grams"))));
                for (const auto &q : quotes) {
                    Json::Value item;
                    item["carrier"] = std::string(q.carrier);
                    item["service"] = std::string(q.service);
                    item["cents"] = static_cast<Json::Int64>(q.cents);
                    item["eta_days"] = q.eta_days;
                    body.append(item);
                }
                callback(HttpResponse::newHttpJsonResponse(body));
            } catch (const rust::Error &e) {
                auto resp = HttpResponse::newHttpResponse();
                resp->setStatusCode(k502BadGateway);
                resp->setBody(e.what());
                callback(resp);
            }
        },
        {Get});

    app().addListener("0.0.0.0", 8080).setThreadNum(8).run();
}
