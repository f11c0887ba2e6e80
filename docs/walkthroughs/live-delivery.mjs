// Follows a campaign's delivery with the graphql-ws client (graphql-transport-ws over WebSocket), printing a line
// each time Playmark pushes new figures. Used by proof-of-play.sh; needs the graphql-ws and ws npm packages.
// Usage: node live-delivery.mjs URL API_KEY CAMPAIGN_ID FROM TO
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, key, campaign, from, to] = process.argv.slice(2);
const client = createClient({
  url,
  // the upgrade request is authenticated like any other call: the API key in its header
  webSocketImpl: class extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { 'X-Api-Key': key } });
    }
  },
});
client.subscribe({
  query: `subscription($c: ID!, $from: Instant!, $to: Instant!) {
    campaignDeliveryUpdates(campaignId: $c, from: $from, to: $to) { complete totals { plays completed } } }`,
  variables: { c: campaign, from, to },
}, {
  next: ({ data, errors }) => {
    if (errors) {
      console.log('errors', JSON.stringify(errors));
      return;
    }
    const live = data.campaignDeliveryUpdates;
    console.log(`${new Date().toISOString()} plays=${live.totals.plays} completed=${live.totals.completed} `
      + `complete=${live.complete}`);
  },
  error: (failure) => { console.log('error', failure?.message ?? failure); process.exit(1); },
  complete: () => process.exit(0),
});
