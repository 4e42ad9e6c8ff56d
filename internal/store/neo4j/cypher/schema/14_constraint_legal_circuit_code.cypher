CREATE CONSTRAINT legal_circuit_code IF NOT EXISTS FOR (n:LegalCircuit) REQUIRE n.code IS UNIQUE
