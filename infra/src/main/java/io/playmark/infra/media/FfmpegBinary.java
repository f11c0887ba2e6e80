package io.playmark.infra.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The ffmpeg executable that comes with the build: one statically linked GPL ffmpeg 4.4.1 inside
 * {@code ws.schild:jave-nativebin-linux64}, which runs with nothing installed. It is copied out of the jar once into
 * a tools folder and reused while its size matches, so a start costs nothing after the first.
 */
public final class FfmpegBinary {

    static final String RESOURCE = "/ws/schild/jave/nativebin/ffmpeg-amd64";
    private static final String NAME = "ffmpeg";

    private FfmpegBinary() {
    }

    /** The executable in {@code toolsDirectory}, extracted from the jar if it is not there yet. */
    public static Path installIn(Path toolsDirectory) throws IOException {
        URL resource = FfmpegBinary.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("The build's ffmpeg (" + RESOURCE + ") is not on the class path; set "
                    + "playmark.media.ffmpeg (PLAYMARK_FFMPEG) to an ffmpeg executable");
        }
        long size = resource.openConnection().getContentLengthLong();
        Path target = toolsDirectory.resolve(NAME);
        if (Files.isExecutable(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(toolsDirectory);
        // written beside the target and renamed, so another instance or a crash never leaves half an executable
        Path partial = Files.createTempFile(toolsDirectory, NAME, ".partial");
        try {
            try (InputStream in = resource.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }
}
