#!/usr/bin/env bash
# Proof of play tried as a new user (issue 12's "Done when"): two screens play a campaign through a simulated day,
# one goes offline at 13:00 and uploads its backlog late, some batches are sent twice; the dashboard's counts match
# the plays sent exactly, the offline screen's hours show as open until its backlog arrives, a graphql-ws client sees
# the counters move, and an analyst's query from docs/analytics.md answers against the embedded Elasticsearch.
# Run from the checkout while `PLAYMARK_ELASTICSEARCH_EMBEDDED_PORT=9200 ./playmark run` serves on localhost:8080;
# needs curl, jq, python3, node and npm (it installs graphql-ws and ws under /tmp/playmark-walkthrough-node).
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
ES=${ES:-http://127.0.0.1:9200}
KEY=${KEY:-$(cat data/admin-api-key)}
HERE=$(cd "$(dirname "$0")" && pwd)
gql() { # gql QUERY [VARIABLES-JSON]
  curl -s "$BASE/graphql" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg q "$1" --argjson v "${2:-{\}}" '{query: $q, variables: $v}')"
}
DAY=$(date -u -d yesterday +%F)
FROM="${DAY}T00:00:00Z"; TO=$(date -u -d "$DAY + 1 day" +%FT00:00:00Z)

echo "== two screens in Berlin, a creative, a campaign"
register() {
  curl -s "$BASE/api/v1/players" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "{\"name\": \"$1\",
    \"location\": {\"latitude\": $2, \"longitude\": $3}, \"timeZone\": \"Europe/Berlin\", \"tags\": [\"pop-walkthrough\"],
    \"resolution\": {\"width\": 1920, \"height\": 1080}, \"hardwareProfile\": \"hd-h264\"}"
}
STATION=$(register "Station hall" 52.525 13.369); MALL=$(register "Mall entrance" 52.509 13.376)
STATION_ID=$(jq -r .id <<<"$STATION"); STATION_KEY=$(jq -r .apiKey <<<"$STATION")
MALL_ID=$(jq -r .id <<<"$MALL"); MALL_KEY=$(jq -r .apiKey <<<"$MALL")
python3 -c "
import zlib, struct
w = h = 64
rows = b''.join(b'\x00' + bytes((200, 30, 90)) * w for _ in range(h))
c = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
open('/tmp/pop-spot.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + c(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                                    + c(b'IDAT', zlib.compress(rows)) + c(b'IEND', b''))"
ASSET=$(curl -s "$BASE/api/v1/assets" -H "X-Api-Key: $KEY" -F file=@/tmp/pop-spot.png -F title="Berry spot" | jq -r .id)
CAMPAIGN=$(gql 'mutation { createCampaign(input: {name: "Berry summer", advertiser: "Acme"}) { id } }' \
  | jq -r .data.createCampaign.id)
echo "screens $STATION_ID $MALL_ID, asset $ASSET, campaign $CAMPAIGN"

echo "== a dashboard follows the campaign live (graphql-ws)"
NODE_DIR=/tmp/playmark-walkthrough-node
if [ ! -d "$NODE_DIR/node_modules/graphql-ws" ]; then
  mkdir -p "$NODE_DIR" && (cd "$NODE_DIR" && npm init -y >/dev/null && npm install --silent graphql-ws@6 ws@8)
fi
cp "$HERE/live-delivery.mjs" "$NODE_DIR/"
LIVE_LOG=$(mktemp)
node "$NODE_DIR/live-delivery.mjs" "${BASE/http/ws}/graphql" "$KEY" "$CAMPAIGN" "$FROM" "$TO" >"$LIVE_LOG" 2>&1 &
LIVE=$!
trap 'kill $LIVE 2>/dev/null || true' EXIT
sleep 2

# plays FROM_HOUR..TO_HOUR (Berlin) of yesterday, one every 5 minutes, every 12th interrupted, as JSON items
plays() {
  python3 - "$DAY" "$1" "$2" "$ASSET" "$CAMPAIGN" <<'PY'
import json, sys, uuid, datetime, zoneinfo
day, start, end, asset, campaign = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
berlin = zoneinfo.ZoneInfo("Europe/Berlin")
base = datetime.datetime.fromisoformat(day).replace(tzinfo=berlin)
items = []
for minute in range(start * 60, end * 60, 5):
    at = base + datetime.timedelta(minutes=minute)
    n = len(items)
    items.append({"playId": str(uuid.uuid4()), "assetId": asset, "campaignId": campaign,
                  "startedAt": at.isoformat(), "durationMs": 4000 if n % 12 == 11 else 15000,
                  "plannedDurationMs": 15000, "outcome": "INTERRUPTED" if n % 12 == 11 else "COMPLETED"})
print(json.dumps({"plays": items}))
PY
}
upload() { # upload PLAYER_ID KEY FILE
  curl -s "$BASE/api/v1/players/$1/plays" -H "X-Api-Key: $2" -H 'Content-Type: application/json' -d @"$3" \
    | jq -c '{accepted, duplicates, rejected: (.rejected | length)}'
}
plays 8 20 >/tmp/pop-station.json; plays 8 13 >/tmp/pop-mall-live.json; plays 13 20 >/tmp/pop-mall-backlog.json
SENT=$(jq -s 'map(.plays | length) | add' /tmp/pop-station.json /tmp/pop-mall-live.json /tmp/pop-mall-backlog.json)

echo "== the station plays 08:00-20:00, the mall 08:00-13:00 and goes offline; both send a batch twice"
upload "$STATION_ID" "$STATION_KEY" /tmp/pop-station.json
upload "$STATION_ID" "$STATION_KEY" /tmp/pop-station.json
upload "$MALL_ID" "$MALL_KEY" /tmp/pop-mall-live.json
upload "$MALL_ID" "$MALL_KEY" /tmp/pop-mall-live.json
DELIVERY='query($c: ID!, $from: Instant!, $to: Instant!) { campaignDelivery(campaignId: $c, from: $from, to: $to,
  interval: HOUR, zone: "Europe/Berlin") { complete totals { plays completed interrupted }
  openPeriods { playerId from } } }'
VARS="{\"c\": \"$CAMPAIGN\", \"from\": \"$FROM\", \"to\": \"$TO\"}"
sleep 4
gql "$DELIVERY" "$VARS" | jq -c '.data.campaignDelivery | {totals, complete,
  open: [.openPeriods[] | select(.playerId == "'"$MALL_ID"'") | .from]}'

echo "== the mall is back: its backlog 13:00-20:00 arrives, part of it twice"
upload "$MALL_ID" "$MALL_KEY" /tmp/pop-mall-backlog.json
upload "$MALL_ID" "$MALL_KEY" /tmp/pop-mall-backlog.json
sleep 4
ANSWER=$(gql "$DELIVERY" "$VARS")
jq -c '.data.campaignDelivery | {totals, complete, open: [.openPeriods[] | select(.playerId == "'"$MALL_ID"'") | .from]}' <<<"$ANSWER"
COUNTED=$(jq .data.campaignDelivery.totals.plays <<<"$ANSWER")
echo "plays sent (each once): $SENT, counted by the dashboard: $COUNTED"
[ "$SENT" = "$COUNTED" ] || { echo "MISMATCH"; exit 1; }

echo "== what the graphql-ws client saw"
sleep 2
cat "$LIVE_LOG"

echo "== an analyst's query from docs/analytics.md against the embedded node: delivery by campaign and day"
curl -s "$ES/plays/_search?size=0" -H 'Content-Type: application/json' -d '
{
  "query": {"range": {"startedAt": {"gte": "now-30d/d"}}},
  "aggs": {
    "campaigns": {
      "terms": {"field": "campaignName", "size": 100},
      "aggs": {
        "days": {
          "date_histogram": {"field": "startedAt", "calendar_interval": "day", "time_zone": "Europe/Berlin"},
          "aggs": {"completed": {"filter": {"term": {"outcome": "COMPLETED"}}}}
        }
      }
    }
  }
}' | jq -c '.aggregations.campaigns.buckets[] | select(.key == "Berry summer")
  | {campaign: .key, days: [.days.buckets[] | {day: .key_as_string[0:10], plays: .doc_count, completed: .completed.doc_count}]}'
