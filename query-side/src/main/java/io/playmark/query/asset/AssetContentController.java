package io.playmark.query.asset;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.FindAssetQuery;
import io.playmark.kernel.asset.Rendition;
import io.playmark.kernel.asset.Sha256;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Optional;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;
import static io.playmark.kernel.ErrorKind.RANGE_NOT_SATISFIABLE;

/**
 * Reads an asset and delivers its files: the content and each rendition, with HTTP Range (one range, so that a
 * player resumes a download), a strong ETag from the file's SHA-256 and 304 on If-None-Match; HEAD answers the
 * same headers without the body.
 * <p>
 * These URLs name an asset, not a file: a new content version changes what they deliver. So they say
 * {@code Cache-Control: no-cache}: a cache keeps the file but asks again each time, and the ETag makes the asking
 * a 304 without the body while the file is the same.
 */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "Assets", description = "The media library: upload, read and deliver media")
class AssetContentController {

    private static final String CACHE_CONTROL = "no-cache";

    private final QueryGateway queries;
    private final BlobStore blobs;

    AssetContentController(QueryGateway queries, BlobStore blobs) {
        this.queries = queries;
        this.blobs = blobs;
    }

    /** The responses every delivery operation documents beside its problems. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The whole file, in its own media type",
            headers = {@Header(name = "ETag", description = "The file's SHA-256 in quotes (strong)"),
                    @Header(name = "Accept-Ranges", description = "bytes")},
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The part the Range header asked for",
            headers = @Header(name = "Content-Range", description = "e.g. bytes 0-1023/52311"),
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the file's ETag")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND, RANGE_NOT_SATISFIABLE})
    @interface DeliveryResponses {
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAsset", summary = "Read an asset",
            description = "The asset as the library shows it, with its renditions and the player profiles that "
                    + "play it. A deleted asset is still found, with status DELETED.")
    @ApiResponse(responseCode = "200", description = "The asset")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    AssetView get(@PathVariable String id) {
        return find(id);
    }

    @GetMapping("/{id}/content")
    @Operation(operationId = "getAssetContent", summary = "Download an asset's content",
            description = "The current content version's file, as uploaded. Send Range for a part, "
                    + "If-None-Match with the ETag to revalidate.")
    @DeliveryResponses
    void content(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AssetView asset = deliverable(id);
        deliver(asset.sha256(), asset.sizeBytes(), asset.mediaType(), request, response);
    }

    @GetMapping("/{id}/renditions/{name}")
    @Operation(operationId = "getAssetRendition", summary = "Download a rendition",
            description = "A rendition of the current content by its name, e.g. video-1080p; the asset lists them.")
    @DeliveryResponses
    void rendition(@PathVariable String id, @Parameter(example = "video-1080p") @PathVariable String name,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        deliverRendition(id, name, request, response);
    }

    @GetMapping("/{id}/thumbnail")
    @Operation(operationId = "getAssetThumbnail", summary = "Download the thumbnail",
            description = "A small image of the asset, for images and videos alike.")
    @DeliveryResponses
    void thumbnail(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        deliverRendition(id, Rendition.THUMBNAIL, request, response);
    }

    @GetMapping("/{id}/poster")
    @Operation(operationId = "getAssetPoster", summary = "Download the poster",
            description = "A full-size still of the asset: a video's poster frame, an image's own picture.")
    @DeliveryResponses
    void poster(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        deliverRendition(id, Rendition.POSTER, request, response);
    }

    @GetMapping("/{id}/preview")
    @Operation(operationId = "getAssetPreview", summary = "Download the preview clip",
            description = "A short low-resolution clip of a video; images have none (404).")
    @DeliveryResponses
    void preview(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        deliverRendition(id, Rendition.PREVIEW, request, response);
    }

    private void deliverRendition(String id, String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Rendition rendition = deliverable(id).rendition(name)
                .orElseThrow(() -> new NotFoundException("Asset " + id + " has no rendition " + name + " (yet)"));
        deliver(rendition.sha256(), rendition.sizeBytes(), rendition.mediaType(), request, response);
    }

    private void deliver(String sha256, long size, String mediaType, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        Sha256 digest = new Sha256(sha256);
        if (blobs.find(digest).isEmpty()) {
            throw new NotFoundException("The file " + sha256 + " is not in storage");
        }
        String etag = "\"" + sha256 + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<ByteRange> range = rangeAsked(request, etag, size);
        long offset = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        response.setStatus(range.isPresent() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
        range.ifPresent(r -> response.setHeader(HttpHeaders.CONTENT_RANGE, r.contentRange(size)));
        response.setContentType(mediaType);
        response.setContentLengthLong(length);
        if (!"HEAD".equals(request.getMethod())) {
            try (InputStream in = blobs.open(digest, offset, length); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    /** If-Range with another ETag (the file changed since the client's first part) asks for the whole new file. */
    private static Optional<ByteRange> rangeAsked(HttpServletRequest request, String etag, long size) {
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (ifRange != null && !ifRange.strip().equals(etag)) {
            return Optional.empty();
        }
        return ByteRange.of(request.getHeader(HttpHeaders.RANGE), size);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    /** A deleted asset's files are not delivered: they may be gone from storage already. */
    private AssetView deliverable(String id) {
        AssetView asset = find(id);
        if (asset.status() == AssetStatus.DELETED) {
            throw new NotFoundException("Asset " + id + " was deleted");
        }
        return asset;
    }

    private AssetView find(String id) {
        AssetView view = queries.query(new FindAssetQuery(new AssetId(id)), ResponseTypes.instanceOf(AssetView.class))
                .join();
        if (view == null) {
            throw new NotFoundException("No asset with id " + id);
        }
        return view;
    }
}
