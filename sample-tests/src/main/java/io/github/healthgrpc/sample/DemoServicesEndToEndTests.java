package io.github.healthgrpc.sample;

import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.sample.proto.GreeterGrpc;
import io.github.healthgrpc.sample.proto.HelloRequest;
import io.github.healthgrpc.sample.proto.InventoryGrpc;
import io.github.healthgrpc.sample.proto.StockReply;
import io.github.healthgrpc.sample.proto.StockRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The services whose health is reported really work: {@code demo.Greeter} answers and
 * {@code demo.Inventory} reads the embedded H2 database.
 */
class DemoServicesEndToEndTests extends AbstractSampleServerTests {

	@Test
	void greeterSaysHelloByName() {
		String message = GreeterGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.sayHello(HelloRequest.newBuilder().setName("Ada").build())
			.getMessage();
		assertThat(message).isEqualTo("Hello, Ada!");
	}

	@Test
	void inventoryReadsTheQuantityOfAKnownSkuFromTheDatabase() {
		StockReply reply = getStock("apple");
		assertThat(reply.getSku()).isEqualTo("apple");
		assertThat(reply.getQuantity()).isEqualTo(42);
		assertThat(getStock("quince").getQuantity()).isZero();
	}

	@Test
	void inventoryAnswersNotFoundForAnUnknownSku() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> getStock("durian"))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void inventoryRejectsAnEmptySku() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> getStock(""))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

	private StockReply getStock(String sku) {
		return InventoryGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.getStock(StockRequest.newBuilder().setSku(sku).build());
	}

}
