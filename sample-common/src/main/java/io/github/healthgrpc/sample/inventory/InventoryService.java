package io.github.healthgrpc.sample.inventory;

import java.util.OptionalInt;

import io.github.healthgrpc.sample.proto.InventoryGrpc;
import io.github.healthgrpc.sample.proto.StockReply;
import io.github.healthgrpc.sample.proto.StockRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The {@code demo.Inventory} service: answers {@code GetStock} from the database, with
 * {@code NOT_FOUND} for an unknown sku.
 *
 * <p>
 * Not tied to a gRPC server: each sample application declares it as a bean the way its
 * server finds services.
 */
public class InventoryService extends InventoryGrpc.InventoryImplBase {

	private final StockRepository stockRepository;

	/**
	 * Create the service.
	 * @param stockRepository where stock levels are read
	 */
	public InventoryService(StockRepository stockRepository) {
		this.stockRepository = stockRepository;
	}

	@Override
	public void getStock(StockRequest request, StreamObserver<StockReply> responseObserver) {
		String sku = request.getSku();
		if (sku.isBlank()) {
			responseObserver
				.onError(Status.INVALID_ARGUMENT.withDescription("sku must not be empty").asRuntimeException());
			return;
		}
		OptionalInt quantity = this.stockRepository.findQuantity(sku);
		if (quantity.isEmpty()) {
			responseObserver
				.onError(Status.NOT_FOUND.withDescription("Unknown sku '" + sku + "'").asRuntimeException());
			return;
		}
		responseObserver.onNext(StockReply.newBuilder().setSku(sku).setQuantity(quantity.getAsInt()).build());
		responseObserver.onCompleted();
	}

}
