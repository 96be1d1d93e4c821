/** Zones the tests place their clinics in (test data, like the demo seed's; app and lib name none). */
export const NEW_YORK = "America/New_York";
