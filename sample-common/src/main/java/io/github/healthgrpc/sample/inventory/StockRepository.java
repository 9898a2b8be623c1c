package io.github.healthgrpc.sample.inventory;

import java.util.List;
import java.util.OptionalInt;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads stock levels from the {@code stock} table (see {@code schema.sql}).
 */
@Repository
public class StockRepository {

	private final JdbcTemplate jdbcTemplate;

	/**
	 * Create a repository on the application's data source.
	 * @param jdbcTemplate the template for the embedded database
	 */
	public StockRepository(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The quantity in stock for a sku.
	 * @param sku the stock-keeping unit
	 * @return the quantity, or empty if the sku is unknown
	 */
	public OptionalInt findQuantity(String sku) {
		// queryForList rather than queryForObject: an unknown sku is an answer, not an
		// exception.
		List<Integer> quantities = this.jdbcTemplate.queryForList("SELECT quantity FROM stock WHERE sku = ?",
				Integer.class, sku);
		return quantities.isEmpty() ? OptionalInt.empty() : OptionalInt.of(quantities.get(0));
	}

}
