package io.playmark.infra.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegBinaryTest {

    @TempDir
    Path tools;

    @Test
    void extractsAnFfmpegThatRunsAndReusesIt() throws Exception {
        Path executable = FfmpegBinary.installIn(tools);
        Files.setLastModifiedTime(executable, FileTime.from(Instant.now().minusSeconds(3600)));
        FileTime backdated = Files.getLastModifiedTime(executable);

        Ffmpeg.Result version = new Ffmpeg(executable, 1, Duration.ofSeconds(30)).run(List.of("-version"), tools);

        assertThat(version.succeeded()).isTrue();
        assertThat(version.log()).isEmpty(); // -version prints to standard output, which a run without progress drops
        assertThat(FfmpegBinary.installIn(tools)).isEqualTo(executable);
        assertThat(Files.getLastModifiedTime(executable)).as("reused, not written again").isEqualTo(backdated);
        assertThat(tools).isDirectoryNotContaining(path -> path.toString().endsWith(".partial"));
    }

    @Test
    void replacesAFileOfAnotherSize() throws Exception {
        Path broken = Files.writeString(tools.resolve("ffmpeg"), "half an executable");
        broken.toFile().setExecutable(true);

        Path executable = FfmpegBinary.installIn(tools);

        assertThat(Files.size(executable)).isGreaterThan(1_000_000);
        assertThat(new Ffmpeg(executable, 1, Duration.ofSeconds(30)).run(List.of("-version"), tools).succeeded())
                .isTrue();
    }
}
