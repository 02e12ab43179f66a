package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File dialogs start beside the open data, then where the user last chose; never in the working directory. */
class StartFoldersTest {
    @TempDir
    Path dir;

    @Test
    void besideTheDataThenWhereTheUserLastChose() throws Exception {
        Path data = Files.createDirectories(dir.resolve("runs/test2"));
        StartFolders.dataSource(() -> data.toString());
        StartFolders.forget();
        StartFolders.chosen(null); // a cancelled dialog changes nothing
        assertEquals(dir.resolve("runs"), StartFolders.initial().toPath(), "beside the open data");
        StartFolders.dataSource(() -> null);
        assertEquals(
                Path.of(System.getProperty("user.home")), StartFolders.initial().toPath(), "no data: home");
        StartFolders.dataSource(() -> data.toString());
        Path models = Files.createDirectories(dir.resolve("models"));
        StartFolders.chosen(models.resolve("m.bwm").toFile());
        assertEquals(models, StartFolders.initial().toPath());
        StartFolders.chosen(data.toFile()); // a directory chosen: the next dialog starts beside it
        assertEquals(dir.resolve("runs"), StartFolders.initial().toPath());
    }
}
