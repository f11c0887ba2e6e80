package io.playmark.query.audit;

import io.playmark.query.graphql.KeyConnection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The questions put to the audit trail, newest first, paged by their key. */
@Component
public class AuditQueryLog {

    private final MongoTemplate mongo;

    AuditQueryLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public KeyConnection<AuditQueryView> page(int first, String after) {
        KeyConnection.requireSize(first);
        String before = KeyConnection.keyOf(after);
        Query newestFirst = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(first + 1);
        if (before != null) {
            newestFirst.addCriteria(where("_id").lt(before));
        }
        return KeyConnection.of(mongo.find(newestFirst, AuditQueryView.class), AuditQueryView::key, first,
                before != null);
    }
}
