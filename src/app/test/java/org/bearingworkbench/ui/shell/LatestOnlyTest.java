package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    private final LatestOnly latest = new LatestOnly();
    private final List<String> shown = new ArrayList<>();

    @Test
    void onlyTheLatestRequestsResultOrFailureIsShown() {
        var first = latest.next();
        Consumer<String> firstResult = first.then(shown::add);
        Consumer<String> firstFailure = first.then(e -> shown.add("failed: " + e));
        var second = latest.next();
        Consumer<String> secondResult = second.then(shown::add);
        secondResult.accept("second");
        firstResult.accept("first, late"); // it finished after the request that replaced it
        firstFailure.accept("first");
        assertEquals(List.of("second"), shown);
    }

    @Test
    void aRequestForDataSinceClosedShowsNothingAndSaysItWasWaiting() {
        assertFalse(latest.invalidate(), "nothing under way");
        Consumer<String> result = latest.next().then(shown::add);
        assertTrue(latest.invalidate(), "a request was under way");
        result.accept("for the data before");
        assertEquals(List.of(), shown);
        Consumer<String> again = latest.next().then(shown::add);
        again.accept("for this data");
        assertEquals(List.of("for this data"), shown);
        assertFalse(latest.invalidate(), "answered: nothing left under way");
    }
}
