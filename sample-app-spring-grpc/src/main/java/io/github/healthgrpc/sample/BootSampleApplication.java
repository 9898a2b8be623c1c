package io.github.healthgrpc.sample;

import io.github.healthgrpc.sample.greeter.GreeterService;
import io.github.healthgrpc.sample.inventory.InventoryService;
import io.github.healthgrpc.sample.inventory.StockRepository;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.service.GrpcService;

/**
 * The sample application on Spring Boot's own gRPC server: {@code demo.Greeter} and
 * {@code demo.Inventory} on the gRPC server, their health on
 * {@code grpc.health.v1.Health} and {@code /actuator/health}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BootSampleApplication {

	/**
	 * Start the sample.
	 * @param args the command line arguments, such as
	 * {@code --spring.grpc.server.port=9191}
	 */
	public static void main(String[] args) {
		SpringApplication.run(BootSampleApplication.class, args);
	}

	// Spring Boot's server binds every BindableService bean; @GrpcService is where
	// per-service interceptors would go.
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
