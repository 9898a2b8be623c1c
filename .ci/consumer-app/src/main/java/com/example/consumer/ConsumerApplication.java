package com.example.consumer;

import io.github.healthgrpc.check.HealthCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

	@Bean
	Checks checks() {
		return new Checks();
	}

	static class Checks {

		@HealthCheck("answers")
		boolean answers() {
			return true;
		}

	}

}
