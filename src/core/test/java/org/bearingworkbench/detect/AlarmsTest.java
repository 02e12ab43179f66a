package org.bearingworkbench.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bearingworkbench.model.Scores;
import org.junit.jupiter.api.Test;

class AlarmsTest {
    private static final double[] SCORES = {0.1, 0.5, 0.1, 0.5, 0.5, 0.5, 0.1, 0.5, 0.5, 0.5, 0.5};

    @Test
    void flagsRowsAboveThreshold() {
        Alarms a = Alarms.compute(SCORES, 3, 0.3, PersistenceRule.defaults());
        assertEquals(8, a.flaggedCount());
        assertEquals(true, a.flagged()[1]);
        assertEquals(false, a.flagged()[2]);
    }

    @Test
    void raisesAlarmOnlyAfterNOfMFlaggedRows() {
        Alarms a = Alarms.compute(SCORES, 3, 0.3, PersistenceRule.defaults());
        assertEquals(5, a.firstAlarm());
        assertEquals(List.of(new Alarms.Episode(5, 5), new Alarms.Episode(9, 10)), a.episodes());
        assertEquals(0, a.trainingAlarmRows());
    }

    @Test
    void twoOfThreeBridgesSingleGaps() {
        Alarms a = Alarms.compute(SCORES, 0, 0.3, new PersistenceRule(2, 3));
        assertEquals(3, a.firstAlarm());
        assertEquals(List.of(new Alarms.Episode(3, 10)), a.episodes());
    }

    @Test
    void countsAlarmRowsInsideTheTrainingRange() {
        assertEquals(
                1, Alarms.compute(SCORES, 6, 0.3, PersistenceRule.defaults()).trainingAlarmRows());
    }

    @Test
    void parsesPersistenceAndRejectsNonsense() {
        assertEquals(new PersistenceRule(2, 5), PersistenceRule.parse("2/5"));
        assertThrows(IllegalArgumentException.class, () -> PersistenceRule.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> PersistenceRule.parse("three"));
    }

    @Test
    void sustainedMaxIsTheNthLargestOfTheWorstWindow() {
        assertEquals(0.5, PersistenceRule.defaults().sustainedMax(SCORES));
        assertEquals(0.1, PersistenceRule.defaults().sustainedMax(new double[] {0.1, 9, 0.1, 0.1, 8}));
    }

    @Test
    void attributesTopChannelSharesAndDepartures() {
        Scores s = new Scores(new double[] {0.2, 0.5}, new double[][] {{0.1, 0.3}, {0.6, 0.4}}, new double[][] {
            {0.5, 1.4}, {-0.25, 0.9}
        });
        Attribution a = new Attribution(s);
        assertEquals(1, a.topChannel(0));
        assertEquals(0, a.topChannel(1));
        assertEquals(0.75, a.share(0, 1), 1e-12);
        assertEquals(0.4, a.departure(0, 1), 1e-12);
        assertEquals(0.25, a.departure(1, 0), 1e-12);
        assertEquals(0, a.departure(1, 1));
        assertEquals(1, a.leftForGoodAt(0));
        assertEquals(-1, a.leftForGoodAt(1));
        assertEquals(0, a.firstToLeave());
    }

    @Test
    void mapsChannelsToBearings() {
        ChannelMap m =
                new ChannelMap(List.of("ch1_rms", "ch2_rms", "ch3_rms", "ch8_kurtosis", "Bearing 3", "speed"), 2);
        assertArrayEquals(
                new int[] {1, 1, 2, 4, 3, 0},
                new int[] {m.bearing(0), m.bearing(1), m.bearing(2), m.bearing(3), m.bearing(4), m.bearing(5)});
        assertEquals("ch8", m.channel(3));
        assertEquals("Bearing 3", m.channel(4));
    }
}
