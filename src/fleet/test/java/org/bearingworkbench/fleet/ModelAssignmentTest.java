package org.bearingworkbench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping file of one bundle per machine: paths, comments, the default, and its errors named by line. */
class ModelAssignmentTest {
    @Test
    void relativeModelsAreFoundBesideTheMappingFileAndTheDefaultFillsTheRest() {
        Map<String, String> m = ModelAssignment.parse(
                "hdfs://nn/plant/models.csv",
                List.of(
                        "machine,model",
                        "# pump 7 was retuned in May",
                        "pump-7, tuned/pump-7.bwm  # its own",
                        "fan-2,/abs/fan.bwm",
                        "",
                        "mill-1,s3a://bucket/mill.bwm"));
        assertEquals(
                Map.of(
                        "pump-7", "hdfs://nn/plant/tuned/pump-7.bwm",
                        "fan-2", "/abs/fan.bwm",
                        "mill-1", "s3a://bucket/mill.bwm"),
                m);
        ModelAssignment a = new ModelAssignment("hdfs://nn/plant/default.bwm", m);
        assertEquals("hdfs://nn/plant/tuned/pump-7.bwm", a.modelOf("pump-7"));
        assertEquals("hdfs://nn/plant/default.bwm", a.modelOf("press-9"));
        assertNull(new ModelAssignment(null, m).modelOf("press-9"));
    }

    @Test
    void badLinesAreNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ModelAssignment.parse("models.csv", List.of("machine,model", "pump-7")));
        assertEquals("models.csv line 2: expected machine,model (got 'pump-7')", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> ModelAssignment.parse("models.csv", List.of("a,x.bwm", "a,y.bwm")));
        assertTrue(e.getMessage().contains("line 2: machine a is listed twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelAssignment.of(null, null));
        assertTrue(e.getMessage().contains("--model"), e.getMessage());
    }
}
