package io.playmark.query.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Audit search results as RFC 4180 CSV, written page by page so an export of any size takes constant memory. */
final class AuditSearchCsv {

    private static final List<Column> COLUMNS = List.of(
            new Column("globalPosition", d -> d.globalPosition()),
            new Column("timestamp", AuditSearchDocument::timestamp),
            new Column("eventType", AuditSearchDocument::eventType),
            new Column("aggregateType", AuditSearchDocument::aggregateType),
            new Column("aggregateId", AuditSearchDocument::aggregateId),
            new Column("sequenceNumber", AuditSearchDocument::sequenceNumber),
            new Column("principal", AuditSearchDocument::principal),
            new Column("authentication", AuditSearchDocument::authentication),
            new Column("apiKeyId", AuditSearchDocument::apiKeyId),
            new Column("tokenSubject", AuditSearchDocument::tokenSubject),
            new Column("clientAddress", AuditSearchDocument::clientAddress),
            new Column("correlationId", AuditSearchDocument::correlationId),
            new Column("fields", d -> String.join(" ", d.fields() == null ? List.of() : d.fields())),
            new Column("eventId", AuditSearchDocument::eventId));
    private static final int PAGE = AuditSearchIndex.MAX_PAGE;

    private record Column(String name, Function<AuditSearchDocument, Object> value) {
    }

    private AuditSearchCsv() {
    }

    static void write(AuditSearchIndex index, AuditSearchCriteria criteria, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS.stream().map(Column::name).toList()));
        out.write("\r\n");
        String after = null;
        AuditSearchIndex.Page page;
        do {
            page = index.search(criteria, PAGE, after);
            for (AuditSearchDocument document : page.items()) {
                out.write(String.join(",", COLUMNS.stream()
                        .map(column -> cell(column.value().apply(document))).toList()));
                out.write("\r\n");
            }
            after = page.cursors().isEmpty() ? null : page.cursors().getLast();
            out.flush();
        } while (page.hasNextPage());
    }

    private static String cell(Object value) {
        String text = value == null ? "" : Objects.toString(value);
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
