INSERT INTO referrals (id, case_ref, from_org, to_org, offer_id, district_id, municipality, category, needs, note,
                       consent, status, reason, history, sent_on, created_at, updated_at, first_answer_at, answer_days,
                       closed_at, erased_at)
VALUES (:id, :case_ref, :from_org, :to_org, :offer_id, :district_id, :municipality, :category, :needs, :note,
        :consent, :status, :reason, :history, :sent_on, :created_at, :updated_at, :first_answer_at, :answer_days,
        :closed_at, :erased_at)
