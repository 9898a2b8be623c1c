package io.github.healthgrpc.benchmarks.peer;

import io.github.healthgrpc.sample.proto.InventoryGrpc;

/**
 * {@code demo.Inventory} without its database: the benchmarks ask only its health, so its
 * method may answer {@code UNIMPLEMENTED}, and no peer pays for an embedded database.
 */
public class BenchInventoryService extends InventoryGrpc.InventoryImplBase {

}
