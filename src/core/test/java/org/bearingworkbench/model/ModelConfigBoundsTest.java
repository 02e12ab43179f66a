package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each setting's range, at its edges: the last value inside is accepted, the first outside names the field. */
class ModelConfigBoundsTest {
    static Stream<Arguments> edges() {
        return Stream.of(
                edge("layers", b -> b.layers(List.of(1)), b -> b.layers(List.of(0))),
                edge("layers", b -> b.layers(List.of(1024)), b -> b.layers(List.of(1025))),
                edge("layers", b -> b.layers(List.of(8, 4, 2, 1)), b -> b.layers(List.of(8, 4, 2, 1, 1))),
                edge("time steps", b -> b.timesteps(1), b -> b.timesteps(0)),
                edge("time steps", b -> b.timesteps(100), b -> b.timesteps(101)),
                edge("epochs", b -> b.epochs(1), b -> b.epochs(0)),
                edge("epochs", b -> b.epochs(100_000), b -> b.epochs(100_001)),
                edge("batch size", b -> b.batchSize(1), b -> b.batchSize(0)),
                edge("batch size", b -> b.batchSize(100_000), b -> b.batchSize(100_001)),
                edge("learning rate", b -> b.learningRate(1), b -> b.learningRate(1.000001)),
                edge("learning rate", b -> b.learningRate(1e-9), b -> b.learningRate(0)),
                edge("beta1", b -> b.adam(0, 0.999, 1e-7), b -> b.adam(-1e-9, 0.999, 1e-7)),
                edge("beta1", b -> b.adam(0.999999, 0.999, 1e-7), b -> b.adam(1, 0.999, 1e-7)),
                edge("beta2", b -> b.adam(0.9, 0, 1e-7), b -> b.adam(0.9, -1e-9, 1e-7)),
                edge("beta2", b -> b.adam(0.9, 0.999999, 1e-7), b -> b.adam(0.9, 1, 1e-7)),
                edge("epsilon", b -> b.adam(0.9, 0.999, 1e-12), b -> b.adam(0.9, 0.999, 0)),
                edge("epsilon", b -> b.adam(0.9, 0.999, 0.999999), b -> b.adam(0.9, 0.999, 1)),
                edge("validation split", b -> b.validationSplit(0), b -> b.validationSplit(-1e-9)),
                edge("validation split", b -> b.validationSplit(0.4999), b -> b.validationSplit(0.5)),
                edge("l2", b -> b.l2(0), b -> b.l2(-1e-9)),
                edge("l2", b -> b.l2(0.999999), b -> b.l2(1)));
    }

    private static Arguments edge(
            String field, UnaryOperator<ModelConfig.Builder> inside, UnaryOperator<ModelConfig.Builder> outside) {
        return Arguments.of(field, inside, outside);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void theLastValueInsideIsTakenTheFirstOutsideIsNamed(
            String field, UnaryOperator<ModelConfig.Builder> inside, UnaryOperator<ModelConfig.Builder> outside) {
        assertEquals(List.of(), inside.apply(ModelConfig.builder()).problems());
        List<Problem> problems = outside.apply(ModelConfig.builder()).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(field, problems.get(0).field().label(), problems.toString());
    }
}
