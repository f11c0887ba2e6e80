#!/usr/bin/env bash
# Decisioning tried as a new user (issue 11's "Done when"): two screens, a creative, a campaign with a daypart and
# a cap, an over-booking refused in a dry run, both playlists, explain, and an SSE stream announcing a change.
# Run from the checkout while ./playmark run serves on localhost:8080; needs curl, jq and python3.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
KEY=${KEY:-$(cat data/admin-api-key)}
gql() { # gql QUERY [VARIABLES-JSON]
  curl -s "$BASE/graphql" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg q "$1" --argjson v "${2:-{\}}" '{query: $q, variables: $v}')"
}
TOMORROW=$(date -u -d tomorrow +%F)
DAY=$(date -u -d '+2 days' +%F)

echo "== register two screens"
register() {
  curl -s "$BASE/api/v1/players" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "{\"name\": \"$1\",
    \"location\": {\"latitude\": $2, \"longitude\": $3}, \"timeZone\": \"$4\", \"tags\": [\"walkthrough\"],
    \"resolution\": {\"width\": 1920, \"height\": 1080}, \"hardwareProfile\": \"hd-h264\", \"loopLengthSeconds\": 30}"
}
BERLIN=$(register "Berlin lobby" 52.52 13.40 Europe/Berlin); echo "$BERLIN"
NEWYORK=$(register "New York lobby" 40.71 -74.00 America/New_York); echo "$NEWYORK"
BERLIN_ID=$(jq -r .id <<<"$BERLIN"); BERLIN_KEY=$(jq -r .apiKey <<<"$BERLIN")
NEWYORK_ID=$(jq -r .id <<<"$NEWYORK")

echo "== upload and approve a creative and a content slide"
python3 - <<'PY'
import zlib, struct
def png(path, rgb):
    w, h = 1920, 1080
    raw = b''.join(b'\x00' + bytes(rgb) * w for _ in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                           + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
png('/tmp/walk-creative.png', (250, 200, 40))
png('/tmp/walk-content.png', (20, 60, 160))
PY
CREATIVE=$(curl -s "$BASE/api/v1/assets" -H "X-Api-Key: $KEY" -F file=@/tmp/walk-creative.png -F title="Lemonade" | jq -r .id)
CONTENT=$(curl -s "$BASE/api/v1/assets" -H "X-Api-Key: $KEY" -F file=@/tmp/walk-content.png -F title="Welcome" | jq -r .id)
for i in $(seq 60); do
  n=$(gql '{ a: asset(id: "'"$CREATIVE"'") { playable } b: asset(id: "'"$CONTENT"'") { playable } }' | jq '[.data[].playable] | map(select(.)) | length')
  [ "$n" = 2 ] && break; sleep 1
done
gql 'mutation($ids: [ID!]!) { approveAssets(ids: $ids) { id ok } }' "{\"ids\": [\"$CREATIVE\", \"$CONTENT\"]}" | jq -c .

echo "== a playlist of 20 s content and one 10 s ad slot, all day on both screens"
PLAYLIST=$(gql 'mutation($i: PlaylistInput!) { createPlaylist(input: $i) { id } }' "{\"i\": {\"name\": \"Lobby loop\",
  \"items\": [{\"assetId\": \"$CONTENT\", \"durationMillis\": 20000}], \"adSlots\": {\"count\": 1, \"lengthSeconds\": 10}}}" | jq -r .data.createPlaylist.id)
gql 'mutation($i: ScheduleEntryInput!) { createScheduleEntry(input: $i) { id } }' "{\"i\": {\"playlistId\": \"$PLAYLIST\",
  \"players\": [\"$BERLIN_ID\", \"$NEWYORK_ID\"], \"recurrence\": {\"start\": \"${TOMORROW}T00:00\", \"durationMinutes\": 1440,
  \"rrule\": \"FREQ=DAILY\"}}}" | jq -c .

echo "== a campaign 10:00-12:00 local, at most 3 plays an hour, booked"
CAMPAIGN=$(gql 'mutation { createCampaign(input: {name: "Lemonade mornings", advertiser: "Acme"}) { id } }' | jq -r .data.createCampaign.id)
FILL='mutation($id: ID!, $f: FlightInput!, $t: TargetingInput!, $c: [CreativeInput!]!, $d: [DaypartInput!]!) {
  a: setCampaignFlight(id: $id, flight: $f) { id } b: setCampaignTargeting(id: $id, targeting: $t) { id }
  c: setCampaignCreatives(id: $id, creatives: $c) { id } d: setCampaignDayparts(id: $id, dayparts: $d) { id }
  e: setCampaignCaps(id: $id, caps: {maxPlaysPerHour: 3}) { id } }'
VARS="{\"f\": {\"start\": \"${TOMORROW}T00:00:00Z\", \"end\": \"$(date -u -d '+5 days' +%F)T00:00:00Z\"},
  \"t\": {\"tags\": [\"walkthrough\"]}, \"c\": [{\"assetId\": \"$CREATIVE\", \"orientation\": \"LANDSCAPE\", \"weight\": 1}],
  \"d\": [{\"days\": [\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"], \"from\": \"10:00\", \"to\": \"12:00\"}]}"
gql "$FILL" "$(jq --arg id "$CAMPAIGN" '. + {id: $id}' <<<"$VARS")" | jq -c .
gql 'mutation($id: ID!) { bookCampaign(id: $id) { status } }' "{\"id\": \"$CAMPAIGN\"}" | jq -c .

echo "== an over-booking, refused in a dry run with its reason"
GREEDY=$(gql 'mutation { createCampaign(input: {name: "Greedy", advertiser: "Other"}) { id } }' | jq -r .data.createCampaign.id)
gql "$FILL" "$(jq --arg id "$GREEDY" '. + {id: $id}' <<<"$VARS")" > /dev/null
gql 'mutation($id: ID!) { setCampaignGoal(id: $id, goal: {kind: PLAYS, target: 100000}) { id } }' "{\"id\": \"$GREEDY\"}" > /dev/null
gql 'mutation($id: ID!) { bookCampaign(id: $id, dryRun: true) { status } }' "{\"id\": \"$GREEDY\"}" | jq -c '.errors[0] | {message, extensions: {field: .extensions.field, rule: .extensions.rule}}'
gql '{ campaign(id: "'"$GREEDY"'") { status } }' | jq -c .

echo "== both playlists for $DAY: the ad only 10:00-12:00 on each screen's clock, at most 3 an hour"
for P in "$BERLIN_ID" "$NEWYORK_ID"; do
  curl -s "$BASE/api/v1/players/$P/playlist?from=${DAY}T00:00:00Z&to=$(date -u -d "$DAY +1 day" +%F)T00:00:00Z" -H "X-Api-Key: $KEY" \
    | jq -c --arg c "$CAMPAIGN" '{timeZone, ads: [.items[] | select(.campaignId == $c) | .localStart]}'
done
ETAG=$(curl -s -D - -o /dev/null "$BASE/api/v1/players/$BERLIN_ID/playlist" -H "X-Api-Key: $BERLIN_KEY" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
echo "revalidated with If-None-Match $ETAG: $(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/players/$BERLIN_ID/playlist" -H "X-Api-Key: $BERLIN_KEY" -H "If-None-Match: $ETAG")"

echo "== why not at 08:00 in Berlin?"
curl -s "$BASE/api/v1/players/$BERLIN_ID/explain?campaignId=$CAMPAIGN&at=${DAY}T08:00:00%2B01:00" -H "X-Api-Key: $KEY" | jq -c .

echo "== the Berlin screen's stream announces a change"
curl -sN "$BASE/api/v1/players/$BERLIN_ID/playlist/changes" -H "X-Api-Key: $BERLIN_KEY" > /tmp/walk-sse.txt &
SSE=$!
sleep 2
gql 'mutation($i: ScheduleEntryInput!) { createScheduleEntry(input: $i) { id } }' "{\"i\": {\"playlistId\": \"$PLAYLIST\",
  \"players\": [\"$BERLIN_ID\"], \"priority\": 5, \"recurrence\": {\"start\": \"$(date -u -d yesterday +%F)T00:00\", \"durationMinutes\": 1440,
  \"rrule\": \"FREQ=DAILY\"}}}" > /dev/null
sleep 3
kill $SSE
grep -c '^event:playlist-changed' /tmp/walk-sse.txt | sed 's/^/playlist-changed events heard: /'
cat /tmp/walk-sse.txt
