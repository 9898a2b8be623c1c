package io.github.healthgrpc.sample;

import io.github.healthgrpc.sample.greeter.GreeterService;
import io.github.healthgrpc.sample.inventory.InventoryService;
import io.github.healthgrpc.sample.inventory.StockRepository;
import net.devh.boot.grpc.server.service.GrpcService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The sample application on the devh gRPC server: {@code demo.Greeter} and
 * {@code demo.Inventory} on the gRPC server, their health on
 * {@code grpc.health.v1.Health} and {@code /actuator/health}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	/**
	 * Start the sample.
	 * @param args the command line arguments, such as {@code --grpc.server.port=9191}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	// devh binds the beans that carry its @GrpcService annotation.
	@Bean
	@GrpcService
	GreeterService greeterService() {
		return new GreeterService();
	}

	@Bean
	@GrpcService
	InventoryService inventoryService(StockRepository stockRepository) {
		return new InventoryService(stockRepository);
	}

}
