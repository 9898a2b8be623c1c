INSERT INTO stock (sku, quantity) VALUES ('apple', 42);
INSERT INTO stock (sku, quantity) VALUES ('pear', 7);
INSERT INTO stock (sku, quantity) VALUES ('quince', 0);
