package io.playmark.command.asset;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.UnsupportedContentException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a multipart/form-data request as it arrives (Apache Commons FileUpload's streaming API): every {@code file}
 * part goes straight to staging, and the text fields, which may come before or after the files, are collected for
 * the details.
 */
final class MultipartUpload<T> {

    static final String FILE_FIELD = "file";
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    /** What a file part became: staged, or refused while it streamed (too large), with the reason. */
    record Part<T>(String originalName, T received, RuntimeException refusal) {
    }

    private final List<Part<T>> parts = new ArrayList<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    private MultipartUpload() {
    }

    /** Reads the whole request, handing each file part's stream to {@code receiver}. */
    static <T> MultipartUpload<T> read(HttpServletRequest request, BiFunction<InputStream, String, T> receiver) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new UnsupportedContentException("Uploads are multipart/form-data with the file in a part named '"
                    + FILE_FIELD + "'");
        }
        MultipartUpload<T> upload = new MultipartUpload<>();
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                try (InputStream in = item.getInputStream()) {
                    if (item.isFormField()) {
                        upload.fields.merge(item.getFieldName(),
                                new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8), (a, b) -> a + "," + b);
                    } else if (FILE_FIELD.equals(item.getFieldName())) {
                        upload.parts.add(receive(in, item.getName(), receiver));
                    }
                }
            }
        } catch (IOException broken) {
            throw new InvalidValueException(FILE_FIELD, "the multipart request could not be read: " + broken.getMessage());
        }
        if (upload.parts.isEmpty()) {
            throw new InvalidValueException(FILE_FIELD, "the request has no part named '" + FILE_FIELD + "'");
        }
        return upload;
    }

    private static <T> Part<T> receive(InputStream in, String name, BiFunction<InputStream, String, T> receiver) {
        try {
            return new Part<>(name, receiver.apply(in, name), null);
        } catch (UncheckedIOException broken) {
            throw broken;
        } catch (RuntimeException refused) {
            return new Part<>(name, null, refused);
        }
    }

    List<Part<T>> parts() {
        return parts;
    }

    String field(String name) {
        return fields.get(name);
    }

    /** Tags as one comma-separated field, or as the field repeated. */
    List<String> tags() {
        String tags = fields.get("tags");
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                .filter(tag -> !tag.isEmpty()).toList();
    }

    ImportDetails details() {
        return new ImportDetails(field("title"), field("folder"), tags());
    }
}
