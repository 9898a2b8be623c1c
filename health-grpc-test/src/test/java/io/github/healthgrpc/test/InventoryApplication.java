package io.github.healthgrpc.test;

import io.github.healthgrpc.check.HealthCheck;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import net.devh.boot.grpc.server.service.GrpcService;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A user's application as the module's tests see it: one gRPC service,
 * {@code demo.Inventory}, that depends on a database check, {@code db} (see
 * {@code application.properties}). It runs on either server: each test switches the other
 * one off.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class InventoryApplication {

	/**
	 * What switches devh's server off, for the tests on Spring Boot's.
	 */
	static final String DEVH_OFF = "spring.autoconfigure.exclude="
			+ "net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration";

	/**
	 * What switches Spring Boot's server off, for the tests on devh's.
	 */
	static final String BOOT_OFF = "spring.grpc.server.enabled=false";

	// devh binds the beans that carry its annotation, Spring Boot every BindableService
	// bean. On the bean method: on the nested class, a @Service, it would register twice.
	@Bean
	@GrpcService
	InventoryService inventoryService() {
		return new InventoryService();
	}

	@Bean
	Database database() {
		return new Database();
	}

	/**
	 * A gRPC service without methods: its name is all health needs.
	 */
	static class InventoryService implements BindableService {

		@Override
		public ServerServiceDefinition bindService() {
			return ServerServiceDefinition.builder("demo.Inventory").build();
		}

	}

	/**
	 * The database, always reachable: the tests simulate its outages.
	 */
	static class Database {

		@HealthCheck("db")
		boolean reachable() {
			return true;
		}

	}

}
