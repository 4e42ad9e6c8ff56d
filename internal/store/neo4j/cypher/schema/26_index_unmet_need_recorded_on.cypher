CREATE INDEX unmet_need_recorded_on IF NOT EXISTS FOR (n:UnmetNeed) ON (n.recordedOn)
