// Package nested writes inside 50 nested loops.
package nested

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Deep(ctx context.Context, pool *pgxpool.Pool, ids []int) error {
	for _, i0 := range ids {
		for range ids {
			for range ids {
				for range ids {
					for range ids {
						for range ids {
							for range ids {
								for range ids {
									for range ids {
										for range ids {
											for range ids {
												for range ids {
													for range ids {
														for range ids {
															for range ids {
																for range ids {
																	for range ids {
																		for range ids {
																			for range ids {
																				for range ids {
																					for range ids {
																						for range ids {
																							for range ids {
																								for range ids {
																									for range ids {
																										for range ids {
																											for range ids {
																												for range ids {
																													for range ids {
																														for range ids {
																															for range ids {
																																for range ids {
																																	for range ids {
																																		for range ids {
																																			for range ids {
																																				for range ids {
																																					for range ids {
																																						for range ids {
																																							for range ids {
																																								for range ids {
																																									for range ids {
																																										for range ids {
																																											for range ids {
																																												for range ids {
																																													for range ids {
																																														for range ids {
																																															for range ids {
																																																for range ids {
																																																	for range ids {
																																																		for _, i49 := range ids {
																																																			if _, err := pool.Exec(ctx, "INSERT INTO deep (a, b) VALUES ($1, $2)", i0, i49); err != nil { // finding: sqlloop
																																																				return err
																																																			}
																																																		}
																																																	}
																																																}
																																															}
																																														}
																																													}
																																												}
																																											}
																																										}
																																									}
																																								}
																																							}
																																						}
																																					}
																																				}
																																			}
																																		}
																																	}
																																}
																															}
																														}
																													}
																												}
																											}
																										}
																									}
																								}
																							}
																						}
																					}
																				}
																			}
																		}
																	}
																}
															}
														}
													}
												}
											}
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	return nil
}
