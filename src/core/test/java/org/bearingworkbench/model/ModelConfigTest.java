package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelConfigTest {
    @Test
    void defaultsAreTheStudys() {
        ModelConfig c = ModelConfig.defaults();
        assertEquals(List.of(16, 4), c.layers());
        assertEquals("hard_sigmoid", c.gateActivation());
        assertEquals(1, c.timesteps());
        assertEquals(100, c.epochs());
        assertEquals(10, c.batchSize());
        assertEquals(0.001, c.learningRate());
        assertEquals(1e-7, c.epsilon());
        assertEquals(0.05, c.validationSplit());
        assertEquals(10, c.seed());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 100, 10, 0.001, 0.05, time steps",
        "1, 0, 10, 0.001, 0.05, epochs",
        "1, 100, 0, 0.001, 0.05, batch size",
        "1, 100, 10, 0, 0.05, learning rate",
        "1, 100, 10, 2, 0.05, learning rate",
        "1, 100, 10, 0.001, 0.7, validation split"
    })
    void rejectsOutOfRangeSettingsNamingTheField(int t, int epochs, int batch, double lr, double val, String field) {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelConfig(
                        List.of(16, 4), "relu", "hard_sigmoid", t, epochs, batch, lr, 0.9, 0.999, 1e-7, val, 10, 0));
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }

    @Test
    void rejectsEmptyOrZeroLayers() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelConfig(
                        List.of(16, 0), "relu", "hard_sigmoid", 1, 1, 1, 0.001, 0.9, 0.999, 1e-7, 0.05, 10, 0));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
    }

    @Test
    void roundTripsThroughItsMapForm() {
        ModelConfig c = ModelConfig.defaults().withTimesteps(3);
        assertEquals(c, ModelConfig.fromMap(c.toMap()));
        assertEquals(c.hash(), ModelConfig.fromMap(c.toMap()).hash());
    }

    @Test
    void everyActivationHasOneNameOneDl4jActivationAndOneFusedCode() {
        Assertions.assertEquals(List.of("relu", "tanh", "sigmoid", "identity"), ModelConfig.ACTIVATIONS);
        Assertions.assertEquals(List.of("hard_sigmoid", "sigmoid"), ModelConfig.GATE_ACTIVATIONS);
        for (LstmActivation a : LstmActivation.values()) {
            Assertions.assertEquals(a, LstmActivation.parse(a.key()));
        }
        // the fused op's codes (ND4J lstmLayer): 0 tanh, 1 relu, 2 sigmoid, 3 affine, 7 hard sigmoid
        Assertions.assertEquals(7, LstmActivation.HARD_SIGMOID.fusedCode());
        Assertions.assertEquals(1, LstmActivation.RELU.fusedCode());
        var e = Assertions.assertThrows(IllegalArgumentException.class, () -> LstmActivation.parse("gelu"));
        Assertions.assertTrue(e.getMessage().contains("gelu") && e.getMessage().contains("hard_sigmoid"));
    }
}
