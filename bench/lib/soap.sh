# shellcheck shell=bash
# Talking to the server through its SOAP API with curl, and seeding what the scenarios need. Sourced by bench/run.

# Posts one v2 operation and prints the answer. Usage: soap URL OPERATION CHILDREN
soap() {
  curl -sS --max-time 60 -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: ""' --data-binary \
    "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v2=\"http://v2.provisioning.ws.web.verba.com/\"><soapenv:Body><v2:$2>$3</v2:$2></soapenv:Body></soapenv:Envelope>" \
    "$1"
}

status_of() { sed -n 's:.*<statusCode>\([A-Z_]*\)</statusCode>.*:\1:p' <<<"$1" | head -n 1; }

# Calls an operation whose answer must be one of the given status codes; stops the run otherwise.
# Usage: soap_expect "OK|ERROR_ALREADY_EXISTS" URL OPERATION CHILDREN
soap_expect() {
  local accepted=$1 answer status
  shift
  answer=$(soap "$@") || fail "seeding: $2 could not be sent to $1"
  status=$(status_of "$answer")
  [[ "|$accepted|" == *"|$status|"* ]] || fail "seeding: $2 answered '${status:-no status}', expected $accepted: $answer"
  printf '%s' "$answer"
}

# Creates what the scenarios read, through the API, so that it is the same on every store: an admin token, the
# extension that getExtension reads and the duplicate create collides with, and an environment holding exactly
# list_size extensions for listExtensions. Existing objects are accepted, so a PostgreSQL database that an earlier
# run seeded can be used again. Sets token and token_ms (one requestToken on the idle server).
seed() {
  local url=$1 answer i started
  started=$(date +%s%N)
  answer=$(soap_expect OK "$url" requestToken \
    "<eid>0000</eid><loginName>$admin_login</loginName><password>$admin_password</password>")
  token_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  token=$(sed -n 's:.*<token>\([^<]*\)</token>.*:\1:p' <<<"$answer")
  [ -n "$token" ] || fail "seeding: requestToken gave no token: $answer"
  soap_expect "OK|ERROR_ALREADY_EXISTS" "$url" createExtension \
    "<token>$token</token><extension><eid>0000</eid><extension>$existing_address</extension><recordingMode>FULL</recordingMode><voice>1</voice></extension>" >/dev/null
  soap_expect "OK|ERROR_ALREADY_EXISTS" "$url" createEnvironment \
    "<token>$token</token><environment><eid>$list_eid</eid><shortName>bench-list-$list_eid</shortName></environment>" >/dev/null
  for ((i = 1; i <= list_size; i++)); do
    soap_expect "OK|ERROR_ALREADY_EXISTS" "$url" createExtension \
      "<token>$token</token><extension><eid>$list_eid</eid><extension>list-$i@bench.example</extension><recordingMode>ON_DEMAND</recordingMode><voice>1</voice><video>1</video></extension>" >/dev/null
  done
  answer=$(soap_expect OK "$url" listExtensions \
    "<token>$token</token><filter><environmentFilter><eid>$list_eid</eid><eidExact>1</eidExact></environmentFilter></filter>")
  i=$(grep -o '<extensions>' <<<"$answer" | wc -l)
  ((i == list_size)) || fail "seeding: environment $list_eid holds $i extensions, not $list_size; use an empty database"
}
