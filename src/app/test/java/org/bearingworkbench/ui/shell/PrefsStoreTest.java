package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.BackingStoreException;
import org.junit.jupiter.api.Test;

class PrefsStoreTest {
    /** In-memory preferences whose flushes record their thread; the first one fails as a full disk would. */
    private static final class Recording extends AbstractPreferences {
        final List<String> flushedOn = new CopyOnWriteArrayList<>();
        final CountDownLatch flushes = new CountDownLatch(2);

        Recording() {
            super(null, "");
        }

        @Override
        protected void flushSpi() throws BackingStoreException {
            flushedOn.add(Thread.currentThread().getName());
            flushes.countDown();
            if (flushedOn.size() == 1) {
                throw new BackingStoreException("disk full");
            }
        }

        @Override
        protected void putSpi(String key, String value) {}

        @Override
        protected String getSpi(String key) {
            return null;
        }

        @Override
        protected void removeSpi(String key) {}

        @Override
        protected void removeNodeSpi() {}

        @Override
        protected String[] keysSpi() {
            return new String[0];
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void syncSpi() {}
    }

    @Test
    void flushesOnItsOwnThreadAndGoesOnAfterAFailedOne() throws InterruptedException {
        Recording prefs = new Recording();
        PrefsStore.flushLater(prefs); // fails
        PrefsStore.flushLater(prefs);
        assertTrue(prefs.flushes.await(10, TimeUnit.SECONDS), "both flushes ran: " + prefs.flushedOn);
        assertEquals(List.of("bw-prefs", "bw-prefs"), prefs.flushedOn);
    }
}
