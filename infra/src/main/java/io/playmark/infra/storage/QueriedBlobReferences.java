package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobReferences;
import io.playmark.kernel.asset.IsBlobReferencedQuery;
import io.playmark.kernel.asset.Sha256;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Asks the asset read model whether a blob is referred to. When nobody answers (no read model), the query fails
 * and so does the cleanup run: a blob is deleted only on a clear "no".
 */
class QueriedBlobReferences implements BlobReferences {

    private final QueryGateway queries;

    QueriedBlobReferences(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean isReferenced(Sha256 sha256) {
        Boolean referenced = queries.query(new IsBlobReferencedQuery(sha256), ResponseTypes.instanceOf(Boolean.class))
                .join();
        return !Boolean.FALSE.equals(referenced);
    }
}
