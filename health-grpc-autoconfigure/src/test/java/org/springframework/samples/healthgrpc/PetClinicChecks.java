package org.springframework.samples.healthgrpc;

import io.github.healthgrpc.check.HealthCheck;

import org.springframework.stereotype.Component;

/**
 * Checks of an application whose own package is under {@code org.springframework}, as
 * Spring's PetClinic's is: its components are the application's, not Spring's.
 */
public final class PetClinicChecks {

	private PetClinicChecks() {
	}

	/**
	 * An interface of the application declaring a check.
	 */
	public interface OwnerChecks {

		@HealthCheck("owners")
		boolean owners();

	}

	/**
	 * A component implementing it.
	 */
	@Component
	public static class OwnerComponent implements OwnerChecks {

		@Override
		public boolean owners() {
			return true;
		}

	}

}
