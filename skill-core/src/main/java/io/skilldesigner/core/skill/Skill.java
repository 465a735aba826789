package io.skilldesigner.core.skill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An AI skill: a graph of nodes (sources, models, transforms, exports) with basics, tags and parameters.
 * Immutable; the {@code with*} methods return changed copies.
 *
 * @param formatVersion version of the file format this value was read from or will be written as
 * @param parameters    defaults for {@code $param(NAME)} placeholders used in node settings, in insertion order
 */
public record Skill(
        int formatVersion,
        String id,
        String name,
        String description,
        SkillBasics basics,
        List<Tag> tags,
        Map<String, String> parameters,
        List<SkillNode> nodes,
        List<SkillEdge> edges) {

    /** The format version this build writes. */
    public static final int CURRENT_FORMAT_VERSION = 2;

    public Skill {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        basics = basics == null ? SkillBasics.defaults() : basics;
        tags = List.copyOf(tags == null ? List.of() : tags);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        nodes = List.copyOf(nodes == null ? List.of() : nodes);
        edges = List.copyOf(edges == null ? List.of() : edges);
    }

    public static Skill empty(String id, String name) {
        return new Skill(CURRENT_FORMAT_VERSION, id, name, "", SkillBasics.defaults(), List.of(), Map.of(), List.of(), List.of());
    }

    public Optional<SkillNode> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    public List<SkillEdge> edgesInto(String nodeId) {
        return edges.stream().filter(e -> e.to().node().equals(nodeId)).toList();
    }

    public List<SkillEdge> edgesOutOf(String nodeId) {
        return edges.stream().filter(e -> e.from().node().equals(nodeId)).toList();
    }

    public Skill withName(String n) {
        return new Skill(formatVersion, id, n, description, basics, tags, parameters, nodes, edges);
    }

    public Skill withDescription(String d) {
        return new Skill(formatVersion, id, name, d, basics, tags, parameters, nodes, edges);
    }

    public Skill withBasics(SkillBasics b) {
        return new Skill(formatVersion, id, name, description, b, tags, parameters, nodes, edges);
    }

    public Skill withTags(List<Tag> t) {
        return new Skill(formatVersion, id, name, description, basics, t, parameters, nodes, edges);
    }

    public Skill withParameters(Map<String, String> p) {
        return new Skill(formatVersion, id, name, description, basics, tags, p, nodes, edges);
    }

    public Skill withNodes(List<SkillNode> n) {
        return new Skill(formatVersion, id, name, description, basics, tags, parameters, n, edges);
    }

    public Skill withEdges(List<SkillEdge> e) {
        return new Skill(formatVersion, id, name, description, basics, tags, parameters, nodes, e);
    }

    public Skill withId(String newId) {
        return new Skill(formatVersion, newId, name, description, basics, tags, parameters, nodes, edges);
    }

    public Skill withFormatVersion(int v) {
        return new Skill(v, id, name, description, basics, tags, parameters, nodes, edges);
    }

    public Skill withNode(SkillNode node) {
        List<SkillNode> copy = new ArrayList<>(nodes);
        copy.add(node);
        return withNodes(copy);
    }

    public Skill withEdge(SkillEdge edge) {
        List<SkillEdge> copy = new ArrayList<>(edges);
        copy.add(edge);
        return withEdges(copy);
    }

    /** Replaces the node with the same id by {@code change.apply(node)}. */
    public Skill updateNode(String nodeId, UnaryOperator<SkillNode> change) {
        return withNodes(nodes.stream().map(n -> n.id().equals(nodeId) ? change.apply(n) : n).toList());
    }

    /** Removes a node and every edge that touches it. */
    public Skill withoutNode(String nodeId) {
        return new Skill(formatVersion, id, name, description, basics, tags, parameters,
                nodes.stream().filter(n -> !n.id().equals(nodeId)).toList(),
                edges.stream().filter(e -> !e.touches(nodeId)).toList());
    }

    public Skill withoutEdge(SkillEdge edge) {
        return withEdges(edges.stream().filter(e -> !e.equals(edge)).toList());
    }
}
