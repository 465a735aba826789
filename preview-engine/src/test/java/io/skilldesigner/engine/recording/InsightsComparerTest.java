package io.skilldesigner.engine.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Matching by label and IoU, confidence tolerance, exact attributes, track ids, events and frame count. */
class InsightsComparerTest {
    private final InsightsComparer comparer = InsightsComparer.defaults();

    private static String line(String frameId, String objects, String events) {
        return "{\"image\":{\"properties\":{\"height\":100,\"width\":100,\"color_format\":\"BGR\"}},"
                + "\"insights_meta\":{\"objects_meta\":[" + objects + "]},\"timestamp\":1700000000.123,"
                + "\"frame_id\":\"" + frameId + "\",\"instance_id\":\"i\",\"skill_id\":\"s\",\"device_id\":\"d\","
                + "\"datetime\":\"x\"" + (events.isEmpty() ? "" : ",\"events\":[" + events + "]") + "}";
    }

    private static String ball(double l, double conf, String colour, String track) {
        return "{\"timestamp\":1700000000.123,\"label\":\"ball\",\"confidence\":" + conf + ",\"inference_id\":\"\","
                + "\"attributes\":[{\"name\":\"colour\",\"label\":\"" + colour + "\",\"confidence\":0.9}],"
                + "\"bbox\":{\"l\":" + l + ",\"t\":0.2,\"w\":0.2,\"h\":0.2}"
                + (track.isEmpty() ? "" : ",\"tracking\":{\"tracking_id\":\"" + track
                + "\",\"speed\":3.5,\"direction\":{\"x\":1,\"y\":0}}") + "}";
    }

    private static String crossing(String track, String count) {
        return "{\"type\":\"line-crossing\",\"event_id\":\"e-7\",\"timestamp\":1700000001.5,\"related_ids\":[\""
                + track + "\"],\"properties\":{\"line\":\"door\",\"count\":\"" + count + "\"}}";
    }

    private List<String> diff(String golden, String actual) {
        return comparer.compare(List.of(InsightFrame.parse(golden)), List.of(InsightFrame.parse(actual))).stream()
                .map(InsightDifference::describe).toList();
    }

    @Test
    void smallBoxShiftsAndConfidenceNoiseWithinToleranceAreEqual() {
        assertEquals(List.of(), diff(line("4", ball(0.1, 0.9, "red", "1"), crossing("1", "2")),
                line("4", ball(0.101, 0.91, "red", "1"), crossing("1", "2").replace("e-7", "e-9")
                        .replace("1700000001.5", "1800000000"))));
    }

    @Test
    void eachKindOfChangeIsOneReadableLine() {
        assertEquals(List.of("frame 0 (id 4) ball #1 [l=0.100 t=0.200 w=0.200 h=0.200] conf 0.900: missing in the"
                        + " replay",
                "frame 0 (id 4) ball #1 [l=0.300 t=0.200 w=0.200 h=0.200] conf 0.900: not in the golden file"),
                diff(line("4", ball(0.1, 0.9, "red", "1"), ""), line("4", ball(0.3, 0.9, "red", "1"), "")));
        assertEquals(List.of("frame 0 (id 4) ball #1 [l=0.100 t=0.200 w=0.200 h=0.200] conf 0.900: confidence"
                        + " 0.900 -> 0.850 (tolerance 0.020)",
                "frame 0 (id 4) ball #1 [l=0.100 t=0.200 w=0.200 h=0.200] conf 0.900: track id 1 -> 2",
                "frame 0 (id 4) ball #1 [l=0.100 t=0.200 w=0.200 h=0.200] conf 0.900: attribute colour red (0.900)"
                        + " -> blue (0.900)"),
                diff(line("4", ball(0.1, 0.9, "red", "1"), ""), line("4", ball(0.1, 0.85, "blue", "2"), "")));
        assertEquals(List.of("frame 0 (id 4): event missing in the replay: line-crossing [1] {count=2, line=door}",
                "frame 0 (id 4): event not in the golden file: line-crossing [1] {count=3, line=door}"),
                diff(line("4", "", crossing("1", "2")), line("4", "", crossing("1", "3"))));
    }

    @Test
    void aMissingFrameIsReported() {
        List<InsightDifference> d = comparer.compare(
                List.of(InsightFrame.parse(line("1", "", "")), InsightFrame.parse(line("2", "", ""))),
                List.of(InsightFrame.parse(line("1", "", ""))));
        assertEquals(List.of("frame 1 (id 2): frame count 2 -> 1"), d.stream().map(InsightDifference::describe)
                .toList());
    }

    @Test
    void strictIouTurnsASmallShiftIntoADifference() {
        InsightsComparer strict = new InsightsComparer(0.99, 0.02);
        assertEquals(2, strict.compare(List.of(InsightFrame.parse(line("4", ball(0.1, 0.9, "red", ""), ""))),
                List.of(InsightFrame.parse(line("4", ball(0.105, 0.9, "red", ""), "")))).size());
    }
}
