package io.playmark.infra.web;

import io.playmark.infra.support.Multipart;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** How ApiDocumentIT provokes each documented answer of the upload operations. */
final class AssetUploadScenarios {

    private static final String ASSETS = "/api/v1/assets";

    private AssetUploadScenarios() {
    }

    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi admin, PlaymarkApi manager,
                    PlaymarkApi anonymous, PlaymarkApi analyst, PlaymarkApi screen,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        Path image = TestFiles.uniqueImage("png");
        Path other = TestFiles.uniqueImage("png");
        Path program = TestFiles.program();
        Path tooLarge = TestFiles.sparse(PlaymarkIntegrationTest.UPLOAD_LIMIT_BYTES + 1);
        Supplier<Multipart> form = () -> new Multipart().file(image, "documented.png");
        Supplier<Multipart> refused = () -> new Multipart().file(program, "documented.jpg");
        Supplier<Multipart> huge = () -> new Multipart().file(tooLarge, "huge.mp4");
        Supplier<Multipart> empty = () -> new Multipart().field("title", "no file");
        String notMultipart = "{}";

        for (String path : new String[]{ASSETS, ASSETS + "/bulk"}) {
            scenarios.put("POST " + path + " 400", () -> admin.post(path, empty.get()));
            scenarios.put("POST " + path + " 401", () -> anonymous.post(path, form.get()));
            scenarios.put("POST " + path + " 403", () -> analyst.post(path, form.get()));
            scenarios.put("POST " + path + " 413", () -> admin.post(path, huge.get()));
            scenarios.put("POST " + path + " 415",
                    () -> admin.send("POST", path, notMultipart, "Content-Type", "application/json"));
            scenarios.put("POST " + path + " 429", () -> whenSpent.apply(screen, api -> api.post(path, form.get())));
        }
        scenarios.put("POST " + ASSETS + " 201", () -> manager.post(ASSETS, form.get()));
        scenarios.put("POST " + ASSETS + " 200", () -> manager.post(ASSETS, form.get()));
        scenarios.put("POST " + ASSETS + "/bulk 200", () -> manager.post(ASSETS + "/bulk", refused.get()));

        String versions = ASSETS + "/{id}/versions";
        String unknown = ASSETS + "/" + UUID.randomUUID() + "/versions";
        scenarios.put("POST " + versions + " 200", () -> manager.post(ASSETS + "/" + idOf(manager, image)
                + "/versions", new Multipart().file(image, "same.png")));
        scenarios.put("POST " + versions + " 400", () -> admin.post(ASSETS + "/not-a-uuid/versions", form.get()));
        scenarios.put("POST " + versions + " 401", () -> anonymous.post(unknown, form.get()));
        scenarios.put("POST " + versions + " 403", () -> analyst.post(unknown, form.get()));
        scenarios.put("POST " + versions + " 404", () -> admin.post(unknown, new Multipart().file(other, "o.png")));
        scenarios.put("POST " + versions + " 409", () -> admin.post(ASSETS + "/" + idOf(admin, other)
                + "/versions", new Multipart().file(image, "someone-elses.png")));
        scenarios.put("POST " + versions + " 413", () -> admin.post(unknown, huge.get()));
        scenarios.put("POST " + versions + " 415", () -> admin.post(unknown, refused.get()));
        scenarios.put("POST " + versions + " 429", () -> whenSpent.apply(screen, api -> api.post(unknown, form.get())));

        String batch = ASSETS + "/batch";
        Map<String, Object> retire = Map.of("operation", "RETIRE", "ids", List.of(UUID.randomUUID().toString()));
        scenarios.put("POST " + batch + " 200", () -> manager.post(batch, retire));
        scenarios.put("POST " + batch + " 400", () -> admin.post(batch, Map.of("ids", List.of())));
        scenarios.put("POST " + batch + " 401", () -> anonymous.post(batch, retire));
        scenarios.put("POST " + batch + " 403", () -> analyst.post(batch, retire));
        scenarios.put("POST " + batch + " 413", () -> admin.send("POST", batch,
                "{\"reason\": \"" + "x".repeat(300 * 1024) + "\"}", "Content-Type", "application/json"));
        scenarios.put("POST " + batch + " 415", () -> admin.send("POST", batch, "ids=x", "Content-Type", "text/plain"));
        scenarios.put("POST " + batch + " 429", () -> whenSpent.apply(screen, api -> api.post(batch, retire)));
    }

    /** The asset holding the file's content: uploading it again answers it. */
    private static String idOf(PlaymarkApi caller, Path file) {
        return caller.post(ASSETS, new Multipart().file(file, "any.png")).body().get("id").asString();
    }
}
