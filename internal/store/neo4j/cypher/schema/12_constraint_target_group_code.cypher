CREATE CONSTRAINT target_group_code IF NOT EXISTS FOR (n:TargetGroup) REQUIRE n.code IS UNIQUE
