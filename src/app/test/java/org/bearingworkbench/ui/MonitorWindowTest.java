package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Monitor directory… in the real window (headless): the timeline, histogram and flagged list follow a
 * directory as snapshot files arrive, the alarm banner appears when the rule fires, and Stop monitoring leaves the
 * view and the stream's saved state consistent.
 */
class MonitorWindowTest {
    private static final Path BUNDLE = Path.of("src/core/test/resources/bundles/v1-sample.bwm");
    private static Stage stage;
    private static WorkbenchModel model;
    private static Workbench wb;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void openWindow() throws Exception {
        System.setProperty("bw.monitorDir", tmp.resolve("monitor-state").toString());
        TestWindow w = TestWindow.open(
                "org/bearingworkbench/test-ui-monitor", c -> c.models().openModel(BUNDLE));
        stage = w.stage();
        model = w.model();
        wb = w.wb();
        window = w.window();
        waitFor(60, () -> model.bundleProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        System.clearProperty("bw.monitorDir");
    }

    static void waitFor(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void copy(List<Path> files, Path dir, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Files.copy(files.get(i), dir.resolve(files.get(i).getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private int rows() {
        return model.analysisProperty().get() == null
                ? 0
                : model.analysisProperty().get().table().rowCount();
    }

    @Test
    void theFileMenuOffersMonitoringAndStopsItWhenClicked() throws Throwable {
        List<Path> files;
        try (Stream<Path> s = Files.list(SampleData.DIR)) {
            files = s.sorted().toList();
        }
        MenuItem monitorItem = fileMenuItem("Monitor directory…");
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+M"), monitorItem.getAccelerator());
        robot.clickOn("File");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Monitor directory…").tryQuery().isPresent(), "shown in the open File menu");
        assertTrue(!monitorItem.isDisable());
        robot.type(KeyCode.ESCAPE);
        Path dir = Files.createDirectory(tmp.resolve("menu"));
        copy(files, dir, 0, 3);
        robot.interact(() -> window.monitorDirectory(dir));
        waitFor(60, () -> rows() == 3);
        assertTrue(monitorItem.isDisable(), "one monitor at a time");
        robot.clickOn("File");
        WaitForAsyncUtils.waitForFxEvents();
        Node stopItem = robot.lookup((Node n) -> n instanceof Labeled l
                        && "Stop monitoring".equals(l.getText())
                        && n.getScene() != stage.getScene())
                .query();
        robot.clickOn(stopItem);
        waitFor(30, () -> !window.monitor().runningProperty().get());
        WaitForAsyncUtils.checkException();
    }

    private MenuItem fileMenuItem(String text) {
        MenuBar bar = robot.lookup(n -> n instanceof MenuBar).queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream()
                .filter(i -> text.equals(i.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' in the File menu"));
    }

    @Test
    void aLiveRunWithOneSnapshotSoFarIsShown() throws Throwable {
        List<Path> files;
        try (Stream<Path> s = Files.list(SampleData.DIR)) {
            files = s.sorted().toList();
        }
        Path dir = Files.createDirectory(tmp.resolve("first-snapshot"));
        copy(files, dir, 0, 1);
        robot.interact(() -> window.monitorDirectory(dir));
        waitFor(60, () -> rows() == 1);
        WaitForAsyncUtils.checkException(); // the views drew one row (the Signals pane once split it at row 2)
        robot.clickOn("Stop monitoring");
        waitFor(30, () -> !window.monitor().runningProperty().get());
        WaitForAsyncUtils.checkException();
    }

    @Test
    void theViewsFollowArrivingSnapshotsAndTheBannerShowsTheAlarm() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SampleData.DIR)) {
            files = s.sorted().toList();
        }
        Path dir = Files.createDirectory(tmp.resolve("rig"));
        copy(files, dir, 0, 60);
        robot.interact(() -> window.monitorDirectory(dir));
        assertTrue(window.monitor().runningProperty().get());
        waitFor(60, () -> rows() == 60);
        assertTrue(!window.alarmBanner().isVisible(), "no alarm in the healthy start");
        assertEquals(0, model.analysisProperty().get().alarms().flaggedCount());
        assertTrue(stage.getTitle().contains("rig"), stage.getTitle());

        copy(files, dir, 60, 160);
        long worst = 0;
        for (int i = 0; i < 8 && rows() < 160; i++) { // the FX thread answers while the monitor scores and redraws
            CountDownLatch answered = new CountDownLatch(1);
            long t0 = System.nanoTime();
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(5, TimeUnit.SECONDS), "the window does not stall");
            worst = Math.max(worst, System.nanoTime() - t0);
            Thread.sleep(150);
        }
        assertTrue(worst < 1_500_000_000L, "the FX thread answered within " + worst / 1_000_000 + " ms");
        waitFor(90, () -> rows() == 160);
        var a = model.analysisProperty().get();
        assertEquals(0.9897350615741685, a.threshold().value(), 1e-12);
        assertEquals(LocalDateTime.parse("2025-03-02T05:10"), a.firstAlarmTime().orElseThrow());
        assertEquals(34, a.alarms().flaggedCount());
        waitFor(10, () -> window.alarmBanner().isVisible());
        assertTrue(
                window.alarmBanner().getText().startsWith("ALARM since 2025-03-02 05:10:00 (2025.03.02.05.10.00.gz)"),
                window.alarmBanner().getText());

        if (Boolean.getBoolean("bw.screenshots.monitor")) {
            Thread.sleep(800);
            robot.interact(() -> {
                try {
                    ChartBox.savePng(
                            stage.getScene().getRoot(),
                            Path.of("target", "monitor.png").toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        robot.clickOn("Stop monitoring");
        waitFor(30, () -> !window.monitor().runningProperty().get());
        assertEquals(160, rows(), "the view keeps what it showed");
        String key =
                Integer.toHexString(dir.toAbsolutePath().normalize().toString().hashCode()) + "-";
        try (Stream<Path> s = Files.walk(tmp.resolve("monitor-state"))) { // this directory's state (one per directory)
            Path state = s.filter(p -> p.getFileName().toString().equals("state.json"))
                    .filter(p -> p.getParent().getFileName().toString().startsWith(key))
                    .findFirst()
                    .orElseThrow();
            assertTrue(Files.readString(state).contains("\"scored\":160"), Files.readString(state));
        }
    }
}
