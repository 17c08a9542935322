package org.iocp4j.conformance.model;

/**
 * One posted packet in the reference model. {@code id} numbers packets in posting order, across
 * every port of the model, so "delivered twice" and "lost" can be told apart from "same key".
 *
 * @param id the posting order, from 0
 * @param key the completion key given to post
 */
public record Packet(long id, long key) {
    @Override
    public String toString() {
        return "packet#" + id + "(key " + key + ")";
    }
}
