package io.skilldesigner.engine.analytics;

import static io.skilldesigner.engine.analytics.AnalyticsChain.person;
import static io.skilldesigner.engine.analytics.AnalyticsChain.personOnLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Scripted paths through the real chain tracker → line crossing → zone → counter, each with the exact events and
 * counts the documented semantics give (README "Analytics"; see {@link AnalyticsChain} for the geometry). With the
 * defaults: the tracker confirms a track on its 3rd frame (id 1, 2, ... in order of confirmation) and ends it after
 * 15 frames unseen; a crossing is confirmed on the 2nd frame on the new side; "in" is the side the arrow points
 * to, by default the left of A→B, i.e. up for this line drawn left to right (supervision's convention): walking
 * down is "out". Frames are numbered from 0.
 */
class AnalyticsScenariosTest {

    @Test
    void straightCrossingCountsOnceOnItsSecondFrameBelowTheLine() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 20; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));  // below the line from frame 10 (0.51)
            }
            assertEquals(List.of("11 line out #1"), c.events());
            assertEquals(Map.of("person", 1L), c.windowCounts());
        }
    }

    @Test
    void uTurnCountsOutThenIn() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i <= 14; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));  // down to 0.59
            }
            for (int i = 15; i < 30; i++) {
                c.step(person(0.35, 0.59 - 0.02 * (i - 14)));  // back up: above the line from frame 19 (0.49)
            }
            assertEquals(List.of("11 line out #1", "20 line in #1"), c.events());
            assertEquals(Map.of("person", 1L), c.windowCounts());
        }
    }

    @Test
    void feetCrossingCountWhileTheBoxTopDoesNotCrossWithTheCentreAnchorNothingDoes() throws Exception {
        List<DetectedObject> path = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            path.add(person(0.35, 0.41 + 0.02 * Math.min(i, 8)));  // bottom 0.41 → 0.57, top 0.21 → 0.37
        }
        try (AnalyticsChain bottom = new AnalyticsChain()) {
            for (DetectedObject o : path) {
                bottom.step(o);
            }
            assertEquals(List.of("6 line out #1"), bottom.events());
        }
        try (AnalyticsChain centre = new AnalyticsChain(Map.of(),
                Map.of(LineCrossingNode.ANCHOR, LineCrossingNode.ANCHOR_CENTER), Map.of())) {
            for (DetectedObject o : path) {
                centre.step(o);  // centre 0.31 → 0.47: never below the line
            }
            assertEquals(List.of(), centre.events());
        }
    }

    @Test
    void jitterOnTheLineCountsNothingWithTheDefaultsAndTheDeadBand() throws Exception {
        // ±0.006 of the frame height (±3 px at 480 px) around the line, alternating every frame
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 30; i++) {
                c.step(person(0.35, 0.5 + (i % 2 == 0 ? 0.006 : -0.006)));
            }
            assertEquals(List.of(), c.events(), "never two frames in a row on the other side");
        }
        // with 1 frame on the new side (supervision's default threshold), every flip after confirmation counts
        try (AnalyticsChain c = new AnalyticsChain(Map.of(), Map.of(LineCrossingNode.MIN_FRAMES, 1L), Map.of())) {
            for (int i = 0; i < 30; i++) {
                c.step(person(0.35, 0.5 + (i % 2 == 0 ? 0.006 : -0.006)));
            }
            List<String> e = c.events();
            assertEquals(27, e.size(), e.toString());
            assertEquals("3 line in #1", e.get(0));
            assertEquals("4 line out #1", e.get(1));
            assertEquals(14, e.stream().filter(s -> s.contains(" in ")).count());
        }
        // jitter that stays two frames on each side beats the frame count, not a dead band wider than it
        try (AnalyticsChain frames = new AnalyticsChain();
             AnalyticsChain band = new AnalyticsChain(Map.of(), Map.of(LineCrossingNode.DEAD_BAND, 0.01), Map.of())) {
            for (int i = 0; i < 30; i++) {
                DetectedObject o = person(0.35, 0.5 + ((i / 2) % 2 == 0 ? 0.006 : -0.006));
                frames.step(o);
                band.step(o);
            }
            assertEquals(List.of("3 line in #1", "5 line out #1"), frames.events().subList(0, 2));
            assertEquals(List.of(), band.events());
        }
    }

    @Test
    void touchingTheLineIsNoCrossingAndStepsAcrossItCountOnce() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 5; i++) {
                c.step(person(0.35, 0.41 + 0.02 * i));
            }
            for (int i = 0; i < 5; i++) {
                c.step(personOnLine(0.35));  // frames 5..9: exactly on the line
            }
            for (double bottom : new double[] {0.47, 0.45, 0.45, 0.47, 0.49}) {
                c.step(person(0.35, bottom));  // frames 10..14: back where it came from, then near again
            }
            assertEquals(List.of(), c.events());
            for (int i = 0; i < 3; i++) {
                c.step(personOnLine(0.35));  // frames 15..17 on the line again
            }
            c.step(person(0.35, 0.52));
            c.step(person(0.35, 0.54));
            c.step(person(0.35, 0.56));
            assertEquals(List.of("19 line out #1"), c.events());
        }
    }

    @Test
    void walkingAroundTheEndOfTheLineIsNoCrossing() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 10; i++) {
                c.step(person(0.7 + 0.02 * i, 0.4));  // right along above the line, past B (x 0.8)
            }
            for (int i = 0; i < 8; i++) {
                c.step(person(0.88, 0.42 + 0.02 * i));  // down beyond the end
            }
            for (int i = 0; i < 10; i++) {
                c.step(person(0.88 - 0.02 * i, 0.56));  // back left below the line
            }
            assertEquals(List.of(), c.events());
            for (int i = 0; i < 10; i++) {
                c.step(person(0.7, 0.545 - 0.02 * i));  // now up through the segment: above from frame 31
            }
            assertEquals(List.of("32 line in #1"), c.events());
        }
    }

    @Test
    void crossingOnTheTracksThirdFrameCountsFromWhereTheTrackStarted() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 8; i++) {
                c.step(person(0.35, 0.46 + 0.03 * i));  // above on frames 0 and 1 (unconfirmed), below from 2
            }
            assertEquals(List.of("3 line out #1"), c.events());
        }
    }

    @Test
    void occlusionAtTheLineShorterThanTheTrackersMemoryKeepsTheCrossing() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 8; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));  // last seen above at 0.45
            }
            c.hidden(8);  // frames 8..15, crossing unseen
            for (int i = 16; i < 24; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));  // back below at 0.63, same id
            }
            assertEquals(List.of("17 line out #1"), c.events());
            assertEquals(Map.of("person", 1L), c.windowCounts());
        }
    }

    @Test
    void occlusionAtTheLineLongerThanTheTrackersMemoryLosesTheCrossing() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 8; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));
            }
            c.hidden(20);  // frames 8..27: the track ends on frame 23
            for (int i = 28; i < 34; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));  // a new track (id 2) that starts below the line
            }
            assertEquals(List.of(), c.events());
            assertEquals(Map.of("person", 2L), c.windowCounts(), "the tracker could not tell it was the same");
        }
    }

    @Test
    void occlusionInsideTheZoneShorterThanTheTrackersMemoryKeepsTheOccupant() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 10; i++) {
                c.step(person(0.75, 0.615 + 0.01 * i));
            }
            c.hidden(8);  // frames 10..17
            for (int i = 18; i < 37; i++) {
                c.step(person(0.75, 0.615 + 0.01 * i));  // leaves through the bottom edge (0.95) on frame 34
            }
            assertEquals(List.of("2 enter #1", "34 exit #1 left"), c.events());
            assertEquals(Map.of("person", 1L), c.windowCounts());
        }
    }

    @Test
    void occlusionInsideTheZoneLongerThanTheTrackersMemoryExitsWhenTheTrackEnds() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            int mostInside = 0;
            for (int i = 0; i < 10; i++) {
                c.step(person(0.75, 0.615 + 0.005 * i));
                mostInside = Math.max(mostInside, c.insideZone());
            }
            for (int i = 10; i < 30; i++) {
                c.step();  // hidden: the tracker ends track 1 on frame 25 (16th frame unseen)
                mostInside = Math.max(mostInside, c.insideZone());
            }
            for (int i = 30; i < 41; i++) {
                c.step(person(0.75, 0.615 + 0.005 * i));  // the same person, a new track id
                mostInside = Math.max(mostInside, c.insideZone());
            }
            assertEquals(List.of("2 enter #1", "25 exit #1 lost", "32 enter #2"), c.events());
            assertEquals(1, mostInside, "one person is never two occupants");
            assertEquals(1, c.insideZone());
        }
    }

    @Test
    void theZoneFollowsTheTrackersOwnSettingForLostTracks() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain(Map.of(TrackerNode.MAX_AGE, 30L), Map.of(), Map.of())) {
            for (int i = 0; i < 10; i++) {
                c.step(person(0.75, 0.615 + 0.005 * i));
            }
            c.hidden(20);
            for (int i = 30; i < 41; i++) {
                c.step(person(0.75, 0.615 + 0.005 * i));  // the tracker kept the id: still the same occupant
            }
            assertEquals(List.of("2 enter #1"), c.events());
            assertEquals(Map.of("person", 1L), c.windowCounts());
        }
    }

    @Test
    void twoPeopleMeetingOnTheLineEachCountOnceTheirWay() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 4; i++) {
                c.step(person(0.4, 0.42 + 0.02 * i), person(0.52, 0.58 - 0.02 * i));
            }
            for (int i = 4; i < 9; i++) {
                c.step(personOnLine(0.4), personOnLine(0.52));  // side by side on the line
            }
            for (int i = 9; i < 14; i++) {
                c.step(person(0.4, 0.52 + 0.02 * (i - 9)), person(0.52, 0.48 - 0.02 * (i - 9)));
            }
            assertEquals(List.of("10 line out #1", "10 line in #2"), c.events());
            assertEquals(Map.of("person", 2L), c.windowCounts());
        }
    }

    @Test
    void sixPeopleAtOnceCountSixCrossingsAndSixInTheWindow() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 14; i++) {
                DetectedObject[] six = new DetectedObject[6];
                for (int k = 0; k < 6; k++) {
                    six[k] = person(0.25 + 0.1 * k, 0.31 + 0.02 * i);
                }
                c.step(six);
                if (i < 2) {
                    assertEquals(Map.of("person", 6L), c.frameCounts(), "frame " + i);
                    assertEquals(Map.of("person", 0L), c.windowCounts(),
                            "frame " + i + ": unconfirmed tracks are not counted yet");
                }
            }
            assertEquals(List.of("11 line out #1", "11 line out #2", "11 line out #3", "11 line out #4",
                    "11 line out #5", "11 line out #6"), c.events());
            assertEquals(Map.of("person", 6L), c.windowCounts());
            assertEquals(Map.of("person", 6L), c.frameCounts());
        }
    }

    @Test
    void reEnteringTheZoneIsASecondVisitOfTheSameTrack() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 15; i++) {
                c.step(person(0.455 + 0.02 * i, 0.7));  // in from the left edge (0.55) on frame 5
            }
            for (int i = 15; i < 30; i++) {
                c.step(person(0.735 - 0.02 * (i - 14), 0.7));  // back out on frame 24
            }
            for (int i = 30; i < 40; i++) {
                c.step(person(0.455 + 0.02 * (i - 30), 0.7));  // and in again on frame 35
            }
            assertEquals(List.of("5 enter #1", "24 exit #1 left", "35 enter #1"), c.events());
            assertEquals(Map.of("person", 1L), c.windowCounts());
        }
    }

    @Test
    void startingInsideEntersWhenTheTrackIsConfirmed() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain()) {
            for (int i = 0; i < 10; i++) {
                c.step(person(0.75, 0.755));
            }
            for (int i = 10; i < 22; i++) {
                c.step(person(0.75, 0.755 + 0.02 * (i - 10)));  // out through the bottom edge on frame 20
            }
            assertEquals(List.of("2 enter #1", "20 exit #1 left"), c.events());
        }
    }

    @Test
    void aWideBoxOverTheZoneEdgeIsInsideOnlyWhenItsAnchorIs() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain(Map.of(), Map.of(),
                Map.of(ZoneNode.FILTER, ZoneNode.FILTER_KEEP_INSIDE))) {
            // #1 covers most of the zone's width but its bottom centre (0.5) is left of it; #2's (0.75) is inside
            DetectedObject wideOut = DetectedObject.of("person", 0.9f, new BBox(0.15f, 0.55f, 0.7f, 0.2f));
            DetectedObject wideIn = DetectedObject.of("person", 0.9f, new BBox(0.52f, 0.55f, 0.46f, 0.2f));
            for (int i = 0; i < 10; i++) {
                var f = c.step(wideOut, wideIn);
                if (i >= 2) {
                    assertEquals(List.of("2"), f.objects().stream().map(o -> o.tracking().trackingId()).toList(),
                            "keep-inside passes on only the box whose anchor is inside");
                }
            }
            assertEquals(List.of("2 enter #2"), c.events());
            assertTrue(c.insideZone() == 1);
        }
    }

    @Test
    void theArrowSideDecidesWhatIsIn() throws Exception {
        try (AnalyticsChain c = new AnalyticsChain(Map.of(),
                Map.of(LineCrossingNode.IN_SIDE, LineCrossingNode.IN_SIDE_RIGHT), Map.of())) {
            for (int i = 0; i < 20; i++) {
                c.step(person(0.35, 0.31 + 0.02 * i));
            }
            assertEquals(List.of("11 line in #1"), c.events(), "the arrow points down: walking down is in");
        }
    }
}
