package io.playmark.infra.axon;

/**
 * This running instance, among the instances that share Playmark's stores: its id names its claims on
 * projection segments in the token store ({@code playmark.instance-id}).
 */
public record PlaymarkInstance(String id) {
}
