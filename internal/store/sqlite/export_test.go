package sqlite

// SetBulkImportMin lets the external tests take the bulk import path with
// small snapshots; it returns the function that sets the old value back.
func SetBulkImportMin(n int) (restore func()) {
	old := bulkImportMin
	bulkImportMin = n
	return func() { bulkImportMin = old }
}

// ForeignKeysOn reports whether the writer connection checks foreign keys.
func ForeignKeysOn(t interface{ Fatal(...any) }, s *Store) bool {
	var on bool
	if err := s.w.QueryRow("PRAGMA foreign_keys").Scan(&on); err != nil {
		t.Fatal(err)
	}
	return on
}
