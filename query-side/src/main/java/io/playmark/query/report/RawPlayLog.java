package io.playmark.query.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw play log out of the plays index, a page at a time in start order from a point in time (search_after).
 * Each play's fields come from the index's doc values, not its stored source (every field of the log is a keyword,
 * date or number with doc values; errors are at most 500 characters, within the keyword's ignore_above), and with
 * no stored field at all, so Elasticsearch decompresses nothing; the answer, cut to the fields and sort values by
 * filter_path, is read as a token stream into the rows. This is the one read of the plays index whose cost grows
 * with every play, which is why it skips the typed client's per-field objects.
 */
@Component
class RawPlayLog {

    static final int PAGE = 5_000;
    static final List<String> FIELDS = List.of("playId", "startedAt", "localDate", "localHour", "timeZone",
            "playerId", "playerName", "campaignId", "campaignName", "advertiser", "assetId", "assetName", "outcome",
            "error", "durationMs", "plannedDurationMs", "impressions");
    private static final Map<String, Integer> POSITIONS = new HashMap<>();
    private static final int STARTED_AT = FIELDS.indexOf("startedAt");
    private static final int PLAYER_ID = FIELDS.indexOf("playerId");
    private static final List<FieldAndFormat> DOC_VALUES = FIELDS.stream().map(field -> FieldAndFormat.of(
            f -> field.equals("startedAt") ? f.field(field).format("epoch_millis") : f.field(field))).toList();

    static {
        for (int i = 0; i < FIELDS.size(); i++) {
            POSITIONS.put(FIELDS.get(i), i);
        }
    }

    /** One play of the log: its cells in the order of {@link #FIELDS}, and what its open mark needs. */
    record Play(List<Object> cells, String playerId, Instant startedAt) {
    }

    /** A page, the sort values after it (null on the last page), and the point in time to ask for the next with. */
    record Page(List<Play> plays, List<FieldValue> after, String pit) {
    }

    private final ElasticsearchClient client;
    private final Rest5Client rest;
    private final JsonMapper json;

    RawPlayLog(ElasticsearchClient client, Rest5Client rest, JsonMapper json) {
        this.client = client;
        this.rest = rest;
        this.json = json;
    }

    Page page(Query query, String pit, List<FieldValue> after) {
        SearchRequest search = SearchRequest.of(s -> {
            s.size(PAGE).query(query).pit(p -> p.id(pit).keepAlive(k -> k.time("5m")))
                    .trackTotalHits(t -> t.enabled(false)).source(src -> src.fetch(false))
                    .storedFields("_none_").docvalueFields(DOC_VALUES)
                    .sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        });
        Request request = new Request("POST", "/_search");
        request.addParameter("filter_path", "pit_id,hits.hits.fields,hits.hits.sort");
        request.setJsonEntity(JsonpUtils.toJsonString(search, client._jsonpMapper()));
        try {
            Response response = rest.performRequest(request);
            try (InputStream body = response.getEntity().getContent()) {
                return read(body, pit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached", e);
        }
    }

    /**
     * {"pit_id":"…","hits":{"hits":[{"fields":{"playId":["…"],…},"sort":[…]},…]}}; the point in time's id may change
     * from one answer to the next, and the latest is the one to send.
     */
    private Page read(InputStream body, String askedWith) {
        List<Play> plays = new ArrayList<>(PAGE);
        List<FieldValue> after = null;
        String pit = askedWith;
        try (JsonParser parser = json.createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.PROPERTY_NAME && parser.currentName().equals("pit_id")) {
                    pit = parser.nextStringValue();
                } else if (parser.currentToken() == JsonToken.PROPERTY_NAME && parser.currentName().equals("fields")) {
                    parser.nextToken();
                    plays.add(play(parser));
                } else if (parser.currentToken() == JsonToken.PROPERTY_NAME && parser.currentName().equals("sort")) {
                    parser.nextToken();
                    after = new ArrayList<>(2);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        after.add(FieldValue.of(parser.getLongValue()));
                    }
                }
            }
        }
        return new Page(plays, plays.size() < PAGE ? null : after, pit);
    }

    private static Play play(JsonParser parser) {
        Object[] cells = new Object[FIELDS.size()];
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            Integer position = POSITIONS.get(parser.currentName());
            parser.nextToken(); // [
            parser.nextToken(); // the one value
            Object value = parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue()
                    : parser.getString();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                // single-valued fields: nothing more
            }
            if (position != null) {
                cells[position] = value;
            }
        }
        Instant started = Instant.ofEpochMilli(Long.parseLong(cells[STARTED_AT].toString()));
        cells[STARTED_AT] = started.toString();
        List<Object> row = new ArrayList<>(cells.length + 1);
        row.addAll(Arrays.asList(cells));
        return new Play(row, (String) cells[PLAYER_ID], started);
    }
}
