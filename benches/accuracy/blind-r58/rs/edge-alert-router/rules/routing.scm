;; Alert routing rules for the edge fleet.
;;
;; Loaded once by edge-alert-router; the host calls `on-alert` for every
;; alert datagram with (name host gateway-ip severity summary) and logs the
;; returned route.

(define team-by-alert
  (hash "db_replication_lag" "dba"
        "db_conn_saturation" "dba"
        "modem_down"         "field-ops"
        "ups_on_battery"     "field-ops"
        "cert_expiring"      "platform"
        "disk_full"          "platform"))

(define noisy-alerts (list "ntp_drift" "disk_inode_warn" "fan_speed_low"))

(define (team-for name)
  (if (hash-contains? team-by-alert name)
      (hash-ref team-by-alert name)
      "platform"))

(define (flapping? host)
  (> (recent-count host 15) 5))

(define (route-alert name host ip severity summary)
  (cond
    [(member name noisy-alerts) "drop"]
    [(flapping? host) "suppress"]
    [(>= severity 4)
     (begin
       (page-oncall (team-for name)
                    (string-append "[" (geo-country ip) "] " host ": " summary))
       "page")]
    [(>= severity 2) "ticket"]
    [else "log"]))

(define (on-alert name host ip severity summary)
  (let ([route (route-alert name host ip severity summary)])
    (record-alert name host route)
    route))
